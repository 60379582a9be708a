import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readRawDataset } from "@/geo/load";
import { formatProblem } from "@/geo/problems";
import { eventSchema, storySchema, type StoryEvent } from "@/geo/schema";
import { newPlace } from "@/geo/studio/files";
import { ARTICLE, type EventReview, type StoryReview } from "@/geo/studio/review";
import { checkStory, saveStory } from "@/geo/studio/save";
import { validateDataset } from "@/geo/validate";

/**
 * Saving into a temporary copy of tests/fixtures/stories-two without its first story: the studio
 * must write that story back as files identical to the hand-written ones.
 */
const FIXTURE = path.join("tests", "fixtures", "stories-two");
const FIRST_FOLDER = "2020-01-08-putin-visits-syria";
const original = (name: string) => readFileSync(path.join(FIXTURE, "stories", FIRST_FOLDER, name), "utf8");
const storyFile = storySchema.parse(JSON.parse(original("story.json")));
const events = (JSON.parse(original("events.json")) as { events: unknown[] }).events.map((e) => eventSchema.parse(e));

/** A review as an editor would leave it after accepting every event of the hand-written story. */
function reviewOf(list: readonly StoryEvent[] = events): StoryReview {
  const { id, title, dateline, source, sourceNote, frontPage, text } = storyFile;
  return {
    draftId: "test",
    meta: { id, title, dateline, source, sourceNote, frontPage, text },
    mentions: [],
    events: list.map((e, i): EventReview => ({
      key: `e${i}`,
      status: "accepted",
      id: e.id,
      title: e.title,
      summary: e.summary,
      quote: { start: e.quote.start, end: e.quote.end },
      date: e.date,
      dateProvenance: e.dateProvenance ?? null,
      actors: e.actors.map((a) => ({ actor: a.actor, name: a.actor, role: a.role })),
      places: e.places.map((p) => ({ mention: null, place: p.place, role: p.role, provenance: p.provenance })),
      provenance: e.provenance,
    })),
    newPlaces: [],
    newActors: [],
    overwrite: false,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dateline-studio-"));
  cpSync(FIXTURE, dir, { recursive: true });
  rmSync(path.join(dir, "stories", FIRST_FOLDER), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const messages = (problems: Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem);

describe("saving a reviewed story", () => {
  it("writes story.json and events.json byte for byte as the data folder's own, and the folder then validates", () => {
    const result = saveStory(dir, reviewOf());
    expect(result).toMatchObject({ saved: true, folder: storyFile.id });
    const saved = (name: string) => readFileSync(path.join(dir, "stories", storyFile.id, name), "utf8");
    expect(saved("events.json")).toBe(original("events.json"));
    expect(saved("story.json")).toBe(original("story.json"));
    expect(validateDataset(readRawDataset(dir)).problems).toEqual([]);
    expect(readdirSync(path.join(dir, "stories", storyFile.id)).sort()).toEqual(["events.json", "story.json"]);
  });

  it("refuses a story id that exists, naming it, and writes nothing; overwriting replaces it in its own folder", () => {
    expect(saveStory(dir, reviewOf())).toMatchObject({ saved: true });
    const shorter = reviewOf(events.slice(0, 2));
    const refused = saveStory(dir, shorter);
    expect(refused.saved).toBe(false);
    if (refused.saved) return;
    expect(messages(refused.problems)[0]).toMatch(
      /story "putin-visits-syria-2020", field id = "putin-visits-syria-2020": a story with this id exists already/,
    );
    const eventsFile = path.join(dir, "stories", storyFile.id, "events.json");
    expect(readFileSync(eventsFile, "utf8")).toBe(original("events.json"));

    expect(saveStory(dir, { ...shorter, overwrite: true })).toMatchObject({ saved: true, folder: storyFile.id });
    expect((JSON.parse(readFileSync(eventsFile, "utf8")) as { events: unknown[] }).events).toHaveLength(2);
  });

  it("refuses with validate's own message when a quote runs past the text, and leaves the folder as it was", () => {
    const review = reviewOf();
    const broken = { ...review, meta: { ...review.meta, text: review.meta.text.slice(0, 1900) } };
    const before = readRawDataset(dir);
    const result = saveStory(dir, broken);
    expect(result.saved).toBe(false);
    if (result.saved) return;
    expect(messages(result.problems).join("\n")).toMatch(
      /events\.json: event "syria-war-toll", field quote = \{"start":1825,"end":1998\}: the article's text at 1825\.\.1998 is/,
    );
    expect(readRawDataset(dir)).toEqual(before);
  });

  it("names an unmatched actor and an accepted mention without a place; the rejected events are left out", () => {
    const review = reviewOf(events.slice(0, 1));
    const event = review.events[0]!;
    const unmatched: StoryReview = {
      ...review,
      events: [
        { ...event, actors: [...event.actors, { actor: null, name: "the Kremlin", role: "speaker" }] },
        { ...event, key: "x", id: "left-out", status: "rejected" },
      ],
      mentions: [{ key: "m0", start: 54, end: 59, text: "Syria", candidates: [], placeId: null, status: "accepted" }],
    };
    const { problems, files } = checkStory(dir, unmatched);
    expect(messages(problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/event "putin-visits-syria", field actors\.2\.actor = "the Kremlin": not matched to an actor/),
        expect.stringMatching(/place mention "Syria", field 54\.\.59 = "Syria": accepted without a place/),
      ]),
    );
    expect(files.events.map((e) => e.id)).toEqual(["putin-visits-syria"]);
  });

  it("appends a pinned place and a new actor to places.geojson and actors.json, keeping what was there", () => {
    const placesBefore = readFileSync(path.join(dir, "places.geojson"), "utf8");
    const review = reviewOf(events.slice(0, 1));
    const pin = newPlace(
      "presidential-palace",
      { placeId: null, name: "Presidential Palace", kind: "city", country: "SY", coordinates: [36.2412345678, 33.5] },
      "Pin dropped by the editor in the Dateline studio",
    );
    const event = review.events[0]!;
    const withNew: StoryReview = {
      ...review,
      newPlaces: [pin],
      newActors: [{ id: "syrian-media", name: "Syrian media", abbreviation: "SM", color: "#999999", description: "State media." }],
      events: [
        {
          ...event,
          actors: [...event.actors, { actor: "syrian-media", name: "Syrian media", role: "speaker" }],
          places: [...event.places, { mention: null, place: "presidential-palace", role: "venue", provenance: ARTICLE }],
        },
      ],
    };
    expect(saveStory(dir, withNew)).toMatchObject({ saved: true });
    const places = JSON.parse(readFileSync(path.join(dir, "places.geojson"), "utf8")) as {
      features: { id: string; geometry: { coordinates: number[] } }[];
    };
    expect(places.features.at(-1)).toMatchObject({ id: "presidential-palace", geometry: { coordinates: [36.241235, 33.5] } });
    expect(places.features.slice(0, -1)).toEqual((JSON.parse(placesBefore) as { features: unknown[] }).features);
    const actors = readFileSync(path.join(dir, "actors.json"), "utf8");
    expect(actors).toContain(
      '    { "id": "syrian-media", "name": "Syrian media", "abbreviation": "SM", "color": "#999999", "description": "State media." }\n  ]\n}\n',
    );
    expect(validateDataset(readRawDataset(dir)).problems).toEqual([]);
  });

  it("refuses a pin outside the country it claims, with validate's message", () => {
    const review = reviewOf(events.slice(0, 1));
    const pin = newPlace(
      "somewhere",
      { placeId: null, name: "Somewhere", kind: "city", country: "SY", coordinates: [44.0, 33.3] },
      "Pin dropped by the editor",
    );
    const event = review.events[0]!;
    const result = saveStory(dir, {
      ...review,
      newPlaces: [pin],
      events: [{ ...event, places: [{ mention: null, place: "somewhere", role: "venue", provenance: ARTICLE }] }],
    });
    expect(result.saved).toBe(false);
    if (result.saved) return;
    expect(messages(result.problems).join("\n")).toMatch(
      /place "somewhere", field geometry\.coordinates = \[44,33\.3\]: point lies outside its country SY: it is in IQ/,
    );
  });
});
