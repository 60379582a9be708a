import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRawDataset } from "@/geo/load";
import { placeShare } from "@/geo/share";
import { findStory, frontPageStory, storiesMap, storiesNewestFirst, storyBundle, storyPath, storySummaries } from "@/geo/story";
import { validateDataset } from "@/geo/validate";

/**
 * Two stories in one data folder (tests/fixtures/stories-two: geo/data's story, places and actors,
 * and a second, newer story of fixture text that shares places and actors with the first).
 */
const FIXTURE = path.join("tests", "fixtures", "stories-two");
const FIRST = "putin-visits-syria-2020";
const SECOND = "rockets-hit-ain-al-asad-2021";
const { dataset, problems } = validateDataset(readRawDataset(FIXTURE));
const real = validateDataset(readRawDataset()).dataset;

function story(id: string) {
  const found = findStory(dataset, id);
  if (!found) throw new Error(`no story "${id}" in ${FIXTURE}`);
  return found;
}

describe("a data folder with two stories (tests/fixtures/stories-two)", () => {
  it("validates, and keeps every story and event", () => {
    expect(problems).toEqual([]);
    expect(dataset.stories.map((s) => s.id).sort()).toEqual([FIRST, SECOND]);
    expect(dataset.events.filter((e) => e.story === SECOND)).toHaveLength(5);
  });

  it("holds geo/data's story, places and actors unchanged (rerun its generate.mjs when geo/data changes)", () => {
    expect(dataset.actors).toEqual(real.actors);
    expect(dataset.places.filter((p) => p.id !== "abu-kamal")).toEqual(real.places);
    expect(story(FIRST)).toEqual(real.stories[0]);
    expect(dataset.events.filter((e) => e.story === FIRST)).toEqual(real.events);
  });

  it("marks the second story as fixture text in its byline and its source note", () => {
    expect(story(SECOND).source).toMatch(/fixture/i);
    expect(story(SECOND).sourceNote).toMatch(/not a published article/);
  });

  it("shares places and actors between the stories", () => {
    const placesOf = (id: string) => storyBundle(dataset, story(id)).places.map((p) => p.id);
    const actorsOf = (id: string) => new Set(dataset.events.filter((e) => e.story === id).flatMap((e) => e.actors.map((a) => a.actor)));
    expect(
      placesOf(SECOND)
        .filter((id) => placesOf(FIRST).includes(id))
        .sort(),
    ).toEqual(["ain-al-asad", "damascus", "erbil", "tehran"]);
    expect([...actorsOf(SECOND)].filter((id) => actorsOf(FIRST).has(id)).sort()).toEqual(["iran", "syria", "usa"]);
  });
});

describe("stories: order, addresses, the front page", () => {
  it("lists the newest story first, whatever the folders' order", () => {
    expect(storiesNewestFirst(dataset.stories).map((s) => s.id)).toEqual([SECOND, FIRST]);
    expect(storiesNewestFirst([...dataset.stories].reverse()).map((s) => s.id)).toEqual([SECOND, FIRST]);
  });

  it("orders stories of the same day by title, and does not touch its input", () => {
    const a = { ...story(FIRST), id: "b-story", title: "A title" };
    const b = { ...story(FIRST), id: "a-story", title: "B title" };
    const input = [b, a];
    expect(storiesNewestFirst(input).map((s) => s.id)).toEqual(["b-story", "a-story"]);
    expect(input.map((s) => s.id)).toEqual(["a-story", "b-story"]);
  });

  it("keeps the story marked frontPage on the front page, not the newest", () => {
    expect(frontPageStory(dataset).id).toBe(FIRST);
    expect(storyPath(story(FIRST))).toBe("/");
    expect(storyPath(story(SECOND))).toBe(`/stories/${SECOND}`);
  });

  it("finds a story by id, and nothing for an unknown one", () => {
    expect(findStory(dataset, SECOND)?.title).toMatch(/^Rockets hit/);
    expect(findStory(dataset, "nowhere")).toBeUndefined();
  });

  it("gives each story only its own events and the places they name", () => {
    const bundle = storyBundle(dataset, story(SECOND));
    expect(new Set(bundle.features.map((f) => f.properties.story))).toEqual(new Set([SECOND]));
    expect(bundle.places.map((p) => p.id).sort()).toEqual(["abu-kamal", "ain-al-asad", "damascus", "erbil", "tehran"]);
    expect(storyBundle(dataset, story(FIRST)).places.map((p) => p.id)).not.toContain("abu-kamal");
  });

  it("gives each story's actor filter only the actors its events name, in the data's order", () => {
    expect(storyBundle(dataset, story(SECOND)).actors.map((a) => a.id)).toEqual(["syria", "iran", "usa"]);
    expect(storyBundle(dataset, story(FIRST)).actors).toEqual(dataset.actors);
  });
});

describe("storySummaries (the story index)", () => {
  it("counts each story's events and places, newest first", () => {
    expect(storySummaries(dataset).map((s) => [s.story.id, s.eventCount, s.placeCount])).toEqual([
      [SECOND, 5, 5],
      [FIRST, 13, 10],
    ]);
  });

  it("gives the positions of the story's places as [lng, lat] for its map", () => {
    const second = storySummaries(dataset)[0];
    expect(second?.positions).toContainEqual([40.91807, 34.45226]);
    expect(second?.positions).toHaveLength(5);
  });
});

describe("a place shared by two stories", () => {
  it("lists its events grouped by story, newest story first, each group in date order", () => {
    const share = placeShare(dataset, "damascus");
    expect(share?.groups.map((g) => g.story.id)).toEqual([SECOND, FIRST]);
    expect(share?.groups[0]?.features.map((f) => f.properties.eventId)).toEqual(["syria-condemns-us-strikes"]);
    const firstStory = share?.groups[1]?.features ?? [];
    expect(firstStory).toHaveLength(5);
    expect(firstStory.map((f) => f.properties.start)).toEqual(firstStory.map((f) => f.properties.start).sort());
    expect(share?.features).toHaveLength(6);
  });

  it("leaves out stories with no event there", () => {
    expect(placeShare(dataset, "khmeimim")?.groups.map((g) => g.story.id)).toEqual([FIRST]);
    expect(placeShare(dataset, "abu-kamal")?.groups.map((g) => g.story.id)).toEqual([SECOND]);
  });

  it("maps every story's events, and the places they name, for its share page", () => {
    const map = storiesMap(dataset, [SECOND, FIRST]);
    expect(new Set(map.features.map((f) => f.properties.story))).toEqual(new Set([FIRST, SECOND]));
    expect(map.places).toHaveLength(11);
  });
});

describe("the fixture's second story", () => {
  it("quotes its text verbatim at each event's offsets", () => {
    const raw = JSON.parse(readFileSync(path.join(FIXTURE, "stories", "2021-03-03-rockets-hit-ain-al-asad", "story.json"), "utf8"));
    for (const event of dataset.events.filter((e) => e.story === SECOND)) {
      const quote = event.quote!;
      expect(raw.text.slice(quote.start, quote.end)).toBe(quote.text);
    }
  });
});
