import { describe, expect, it } from "vitest";
import type { Draft } from "@/geo/draft/types";
import { reviewReducer, trimmedSpan } from "@/geo/studio/edit";
import { storyFiles } from "@/geo/studio/files";
import { previewBundle } from "@/geo/studio/preview";
import { reviewFromDraft, slugify, titleFromQuote, uniqueId, type StoryMeta } from "@/geo/studio/review";
import { searchGazetteer, searchKnownPlaces } from "@/geo/studio/search";
import { segmentsOf } from "@/geo/studio/segments";
import type { PlaceFeature } from "@/geo/schema";

const TEXT = "Putin met Assad in Damascus on Tuesday. Iran fired missiles at Erbil.";
const META: StoryMeta = { id: "test-2020", title: "Test", dateline: "2020-01-08", source: "Wire report", text: TEXT, frontPage: false };
const at = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });
const DAMASCUS: PlaceFeature = {
  type: "Feature",
  id: "damascus",
  geometry: { type: "Point", coordinates: [36.29128, 33.5102] },
  properties: {
    name: "Damascus",
    kind: "city",
    country: "SY",
    aliases: ["Dimashq"],
    precision: "approximate",
    coordinatesSource: "GeoNames",
  },
};
const DRAFT: Draft = {
  mentions: [
    {
      text: "Damascus",
      ...at("Damascus"),
      candidates: [{ placeId: "damascus", name: "Damascus", kind: "city", country: "SY", coordinates: [36.29128, 33.5102] }],
    },
    {
      text: "Erbil",
      ...at("Erbil"),
      candidates: [{ placeId: null, name: "Erbil", kind: "city", country: "IQ", coordinates: [44.0089123, 36.1911234] }],
    },
  ],
  events: [
    {
      quote: at("Putin met Assad in Damascus on Tuesday."),
      date: "2020-01-07",
      actors: [{ actor: "russia", name: "Putin", role: "visitor" }],
      places: [{ mention: 0, role: "venue" }],
    },
    {
      quote: at("Iran fired missiles at Erbil."),
      date: null,
      actors: [{ actor: null, name: "Iran", role: "attacker" }],
      places: [{ mention: 1, role: "hit" }],
    },
  ],
};

describe("a review from the engine's draft", () => {
  const review = reviewFromDraft("d1", META, DRAFT, new Set(["putin-met-assad-in-damascus-on-tuesday"]));

  it("keeps every proposal to review, with titles and ids from the quotes that avoid the data's ids", () => {
    expect(review.mentions.map((m) => [m.text, m.placeId, m.status])).toEqual([
      ["Damascus", "damascus", "proposed"],
      ["Erbil", null, "proposed"],
    ]);
    expect(review.events.map((e) => e.id)).toEqual(["putin-met-assad-in-damascus-on-tuesday-2", "iran-fired-missiles-at-erbil"]);
    expect(review.events[1]?.places).toEqual([{ mention: "m1", place: null, role: "venue", provenance: { kind: "article" } }]);
    expect(review.events[1]?.date).toBe("");
  });

  it("accepting a mention whose first candidate is a gazetteer entry adds that place, once, with its source", () => {
    const accepted = reviewReducer(review, { type: "mention-status", key: "m1", status: "accepted" }, new Set(["damascus"]));
    expect(accepted.mentions[1]).toMatchObject({ placeId: "erbil", status: "accepted" });
    expect(accepted.newPlaces).toHaveLength(1);
    expect(accepted.newPlaces[0]).toMatchObject({
      id: "erbil",
      geometry: { coordinates: [44.008912, 36.191123] },
      properties: {
        kind: "city",
        country: "IQ",
        precision: "approximate",
        coordinatesSource: "GeoNames, via the Dateline studio's gazetteer",
      },
    });
    expect(review.newPlaces, "the old review is untouched").toEqual([]);
  });

  it("a pin is a new place whose source says it was pinned", () => {
    const pinned = reviewReducer(review, { type: "pin-place", key: "m1", name: "Erbil base", country: "IQ", coordinates: [44.01, 36.23] });
    expect(pinned.newPlaces[0]?.properties.coordinatesSource).toMatch(/Pin dropped by the editor.*not in the gazetteer/);
    expect(pinned.mentions[1]?.placeId).toBe("erbil-base");
  });

  it("a selection becomes a quote whose places are the mentions inside it", () => {
    const span = trimmedSpan(TEXT, TEXT.indexOf(" Iran"), TEXT.length + 5)!;
    expect(TEXT.slice(span.start, span.end)).toBe("Iran fired missiles at Erbil.");
    const quoted = reviewReducer(review, { type: "add-quote", ...span });
    const added = quoted.events.find((e) => e.key !== "e1" && e.quote.start === span.start && e.key !== "e0");
    expect(added?.places.map((p) => p.mention)).toEqual(["m1"]);
    expect(trimmedSpan(TEXT, 5, 5)).toBeUndefined();
  });

  it("only accepted events become files and the preview; unmatched actors are problems", () => {
    let r = reviewReducer(review, { type: "event-status", key: "e0", status: "accepted" });
    r = reviewReducer(r, { type: "event-status", key: "e1", status: "accepted" });
    const { files, problems } = storyFiles(r, { story: "s.json", events: "e.json" });
    expect(files.events.map((e) => e.quote.text)).toEqual(["Putin met Assad in Damascus on Tuesday.", "Iran fired missiles at Erbil."]);
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/not matched to an actor/), expect.stringMatching(/has no place chosen yet/)]),
    );
    const bundle = previewBundle(
      r,
      [DAMASCUS],
      [{ id: "russia", name: "Russia", abbreviation: "RU", color: "#d55e00", description: "Russia." }],
    );
    expect(bundle.features.map((f) => f.properties.placeId)).toEqual(["damascus"]);
    expect(bundle.actors.map((a) => a.id)).toEqual(["russia"]);
  });
});

describe("helpers", () => {
  it("slugs, unique ids and titles", () => {
    expect(slugify("Ḩamāh: Assad's forces!")).toBe("hamah-assad-s-forces");
    expect(uniqueId("a", new Set(["a", "a-2"]))).toBe("a-3");
    expect(titleFromQuote("Russian President Vladimir Putin made a rare visit to Syria on Tuesday where he held talks")).toBe(
      "Russian President Vladimir Putin made a rare visit to Syria",
    );
  });

  it("cuts the text at every edge of overlapping spans, in UTF-16 offsets", () => {
    const text = "𝐀 Damascus, Syria";
    const segments = segmentsOf(text, [
      { key: "q", start: 0, end: text.length },
      { key: "m", start: 3, end: 11 },
    ]);
    expect(segments.map((s) => [s.text, s.covering])).toEqual([
      ["𝐀 ", ["q"]],
      ["Damascus", ["q", "m"]],
      [", Syria", ["q"]],
    ]);
  });

  it("searches known places by name and alias, then gazetteer entries by folded name, biggest first", () => {
    expect(searchKnownPlaces([DAMASCUS], "dimash").map((c) => c.placeId)).toEqual(["damascus"]);
    expect(searchKnownPlaces([DAMASCUS], "Paris")).toEqual([]);
    const entries = [
      { name: "Tripoli", kind: "city" as const, country: "LB", point: [35.84, 34.43] as [number, number], population: 229_000 },
      {
        name: "Tripoli",
        kind: "city" as const,
        country: "LY",
        point: [13.18, 32.88] as [number, number],
        population: 1_150_000,
        major: true,
      },
      { name: "Tripolis", kind: "city" as const, country: "GR", point: [22.37, 37.51] as [number, number], population: 30_000 },
    ];
    const found = searchGazetteer({ entries }, "tripoli", (n) => n.toLowerCase());
    expect(found.map((c) => c.country)).toEqual(["LY", "LB", "GR"]);
    expect(found[0]).toEqual({ placeId: null, name: "Tripoli", kind: "city", country: "LY", coordinates: [13.18, 32.88] });
  });
});
