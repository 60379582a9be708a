import { describe, expect, it } from "vitest";
import { readRawDataset } from "@/geo/load";
import { formatProblem } from "@/geo/problems";
import { validateDataset } from "@/geo/validate";

const raw = readRawDataset();
const { dataset, problems } = validateDataset(raw);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function eventById(id: string) {
  const event = dataset.events.find((e) => e.id === id);
  if (!event) throw new Error(`no event "${id}"`);
  return event;
}

describe("the shipped data", () => {
  it("validates with no problems", () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("keeps every record it contains (nothing is silently dropped)", () => {
    const rawCount = (json: unknown, key: string) => ((json as Record<string, unknown[]>)[key] ?? []).length;
    expect(dataset.places).toHaveLength(rawCount(raw.places.json, "features"));
    expect(dataset.actors).toHaveLength(rawCount(raw.actors.json, "actors"));
    expect(dataset.events).toHaveLength(raw.stories.reduce((n, s) => n + rawCount(s.events.json, "events"), 0));
  });

  it("has every place id the contract names", () => {
    const ids = dataset.places.map((p) => p.id);
    for (const id of ["damascus", "latakia", "khmeimim", "ain-al-asad", "erbil"]) expect(ids).toContain(id);
  });

  it("has every actor id the contract names", () => {
    const ids = dataset.actors.map((a) => a.id);
    for (const id of ["russia", "syria", "iran", "usa", "rebels"]) expect(ids).toContain(id);
  });

  it("has the contract's example event", () => {
    expect(dataset.events.map((e) => e.id)).toContain("putin-assad-talks-damascus");
    expect(eventById("putin-assad-talks-damascus").places.map((p) => p.place)).toEqual(["damascus"]);
  });

  it("has exactly one front-page story", () => {
    expect(dataset.stories.filter((s) => s.frontPage)).toHaveLength(1);
  });

  it("quotes the article verbatim at the given offsets", () => {
    for (const event of dataset.events) {
      const story = dataset.stories.find((s) => s.id === event.story);
      expect(story, event.id).toBeDefined();
      // The shipped story has no context layer: every event quotes the article.
      const quote = event.quote!;
      expect(story?.text.slice(quote.start, quote.end), event.id).toBe(quote.text);
    }
  });

  it("gives every event a unique slug id", () => {
    const ids = dataset.events.map((e) => e.id);
    for (const id of ids) expect(id).toMatch(SLUG);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every place and actor a unique slug id", () => {
    for (const ids of [dataset.places.map((p) => p.id), dataset.actors.map((a) => a.id)]) {
      for (const id of ids) expect(id).toMatch(SLUG);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("has at least one event at every place", () => {
    const used = new Set(dataset.events.flatMap((e) => e.places.map((p) => p.place)));
    for (const place of dataset.places) expect(used, place.id).toContain(place.id);
  });

  it("names each place at most once per event", () => {
    for (const event of dataset.events) {
      const ids = event.places.map((p) => p.place);
      expect(new Set(ids).size, event.id).toBe(ids.length);
    }
  });

  it("writes coordinates as [longitude, latitude] with at most 6 decimals", () => {
    for (const place of dataset.places) {
      const [lng, lat] = place.geometry.coordinates;
      expect(Math.abs(lat), place.id).toBeLessThanOrEqual(90);
      expect(Math.abs(lng), place.id).toBeLessThanOrEqual(180);
      for (const n of [lng, lat]) expect(String(n), place.id).toMatch(/^-?\d+(\.\d{1,6})?$/);
    }
    // Damascus is east of Greenwich and north of the equator, at about 36.3 E, 33.5 N.
    const damascus = dataset.places.find((p) => p.id === "damascus");
    expect(damascus?.geometry.coordinates[0]).toBeCloseTo(36.29, 1);
    expect(damascus?.geometry.coordinates[1]).toBeCloseTo(33.51, 1);
  });

  it("links the missile strike to Ain al-Asad and Erbil from context, with a citation", () => {
    const missiles = eventById("iran-missiles-iraq-bases");
    for (const id of ["ain-al-asad", "erbil"]) {
      const link = missiles.places.find((p) => p.place === id);
      expect(link, id).toBeDefined();
      expect(link?.provenance.kind, id).toBe("context");
      if (link?.provenance.kind === "context") {
        expect(link.provenance.citation.url).toMatch(/^https:\/\//);
        expect(link.provenance.citation.title.length).toBeGreaterThan(0);
      }
    }
  });

  it("has Putin's 2017 visit at Khmeimim, dated to the year", () => {
    const visits = dataset.events.filter((e) => e.places.some((p) => p.place === "khmeimim") && e.date === "2017");
    expect(visits.length).toBeGreaterThanOrEqual(1);
    expect(visits[0]?.actors.map((a) => a.actor)).toContain("russia");
  });
});
