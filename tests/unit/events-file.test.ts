import { describe, expect, it } from "vitest";
import { decodeEventsFile, encodeEventsFile } from "@/geo/events-file";
import { loadDataset } from "@/geo/load";
import { completeBundle, frontPageStory, pageBundle, storyBundle, storyEventsFile } from "@/geo/story";

const dataset = loadDataset();
const story = frontPageStory(dataset);
const events = dataset.events.filter((e) => e.story === story.id).map((event) => ({ ...event, story: undefined }));

describe("the events file", () => {
  it("gives back the story's events and places, through JSON", () => {
    const file = JSON.parse(JSON.stringify(storyEventsFile(dataset, story))) as unknown;
    const decoded = decodeEventsFile(file, story.text);
    expect(decoded.events).toEqual(events);
    expect(decoded.places).toEqual(storyBundle(dataset, story).places);
  });

  it("writes each citation once", () => {
    const file = encodeEventsFile(story.id, [...events, ...events.map((e) => ({ ...e, id: `${e.id}-again` }))], []);
    const distinct = new Set(
      events
        .flatMap((e) =>
          [e.provenance, e.dateProvenance ?? e.provenance, ...e.places.map((p) => p.provenance)].filter((p) => p.kind === "context"),
        )
        .map((p) => JSON.stringify(p)),
    );
    expect(file.citations).toHaveLength(distinct.size);
  });

  it("names the problem in a broken file", () => {
    const file = storyEventsFile(dataset, story);
    expect(() => decodeEventsFile({ ...file, format: "other" }, story.text)).toThrow(/events file: format/);
    const badCitation = { ...file, events: [[...file.events[0]!.slice(0, 7), 99]] };
    expect(() => decodeEventsFile(badCitation, story.text)).toThrow(/citation 99/);
  });

  it("makes a deferred bundle whole, equal to the full one", () => {
    const full = storyBundle(dataset, story);
    const deferred = { ...full, features: [], places: [], deferred: { url: "/x", eventCount: 13, placeCount: 10 } };
    expect(completeBundle(deferred, decodeEventsFile(storyEventsFile(dataset, story), story.text))).toEqual(full);
  });

  it("keeps a small story inside its page", () => {
    expect(pageBundle(dataset, story)).toEqual(storyBundle(dataset, story));
  });
});
