import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATA_DIR, readRawDataset } from "@/geo/load";
import { validateDataset, type RawDataset } from "@/geo/validate";

const PLACES = "geo/data/places.geojson";
const ACTORS = "geo/data/actors.json";
const STORY = "geo/data/stories/2020-01-08-putin-visits-syria/story.json";
const EVENTS = "geo/data/stories/2020-01-08-putin-visits-syria/events.json";

/** The loose shapes of the raw records these tests edit: just the fields they touch. */
interface RawPlace {
  id: string;
  geometry: { type?: string; coordinates: number[] };
  properties: { country: string; outline?: Record<string, string> };
}
interface RawEvent {
  id: string;
  date: string;
  actors: { actor: string }[];
  places: { place: string }[];
  quote: { start: number };
}
interface Editable {
  places: RawPlace[];
  actors: { id: string }[];
  story: { id: string; frontPage?: boolean; source?: string; sourceNote?: string };
  eventsFile: { story: string; events: RawEvent[] };
  place(id: string): RawPlace;
  event(id: string): RawEvent;
  raw: RawDataset;
}

const good = readRawDataset();
const goodResult = validateDataset(good);
const goodEventIds = goodResult.dataset.events.map((e) => e.id);

function find<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`no record "${id}" in the shipped data`);
  return found;
}

/** A deep copy of the shipped data with one edit applied. */
function withEdit(edit: (data: Editable) => void): RawDataset {
  const raw = structuredClone(good);
  const first = raw.stories[0];
  if (!first) throw new Error("the shipped data has no story");
  const places = (raw.places.json as { features: RawPlace[] }).features;
  const eventsFile = first.events.json as Editable["eventsFile"];
  edit({
    raw,
    places,
    actors: (raw.actors.json as { actors: { id: string }[] }).actors,
    story: first.story.json as Editable["story"],
    eventsFile,
    place: (id) => find(places, id),
    event: (id) => find(eventsFile.events, id),
  });
  return raw;
}

describe("validateDataset, one bad field at a time", () => {
  it("reports an unknown place with a did-you-mean, and keeps every other event", () => {
    const { dataset, problems } = validateDataset(
      withEdit((d) => {
        d.event("putin-assad-talks-damascus").places[0]!.place = "damascos";
      }),
    );
    expect(problems).toEqual([
      {
        file: EVENTS,
        record: 'event "putin-assad-talks-damascus"',
        field: "places.0.place",
        value: '"damascos"',
        message: 'unknown place (did you mean "damascus"?)',
      },
    ]);
    expect(dataset.events.map((e) => e.id)).toEqual(goodEventIds.filter((id) => id !== "putin-assad-talks-damascus"));
    expect(dataset.places).toEqual(goodResult.dataset.places);
    expect(dataset.actors).toEqual(goodResult.dataset.actors);
  });

  it("reports an unknown actor with a did-you-mean", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.event("iran-missiles-iraq-bases").actors[1]!.actor = "uas";
      }),
    );
    expect(problems).toEqual([
      {
        file: EVENTS,
        record: 'event "iran-missiles-iraq-bases"',
        field: "actors.1.actor",
        value: '"uas"',
        message: 'unknown actor (did you mean "usa"?)',
      },
    ]);
  });

  it("reports quote offsets that do not point at the quote's text", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.event("putin-assad-talks-damascus").quote.start += 1;
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: EVENTS,
      record: 'event "putin-assad-talks-damascus"',
      field: "quote",
      value: '{"start":565,"end":671}',
    });
    expect(problems[0]?.message).toContain("the article's text at 565..671 is");
  });

  it("reports an impossible date", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.event("us-kills-soleimani").date = "2020-02-30";
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ file: EVENTS, record: 'event "us-kills-soleimani"', field: "date", value: '"2020-02-30"' }),
    ]);
    expect(problems[0]?.message).toMatch(/real calendar date/);
  });

  it("reports a latitude out of range, and the events at that place as depending on it", () => {
    const { dataset, problems } = validateDataset(
      withEdit((d) => {
        d.place("erbil").geometry.coordinates[1] = 95;
      }),
    );
    expect(problems).toEqual([
      { file: PLACES, record: 'place "erbil"', field: "geometry.coordinates.1", value: "95", message: "latitude must be <= 90" },
      expect.objectContaining({
        file: EVENTS,
        record: 'event "iran-missiles-iraq-bases"',
        field: "places.1.place",
        message: expect.stringMatching(/rejected/),
      }),
    ]);
    expect(dataset.places.map((p) => p.id)).not.toContain("erbil");
    expect(dataset.places).toHaveLength(goodResult.dataset.places.length - 1);
  });

  it("reports a point outside its country and says when longitude and latitude look swapped", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.place("khmeimim").geometry.coordinates.reverse();
      }),
    );
    expect(problems[0]).toMatchObject({
      file: PLACES,
      record: 'place "khmeimim"',
      field: "geometry.coordinates",
      value: "[35.4011,35.9486]",
    });
    expect(problems[0]?.message).toMatch(/outside its country SY.*swapped/);
  });

  it("names the country a misplaced point is really in", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.place("erbil").geometry.coordinates = [36.29128, 33.5102];
      }),
    );
    expect(problems[0]).toMatchObject({ record: 'place "erbil"', message: "point lies outside its country IQ: it is in SY" });
  });

  it("reports coordinates with more than 6 decimals", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.place("latakia").geometry.coordinates[0] = 35.7901123;
      }),
    );
    expect(problems[0]).toEqual({
      file: PLACES,
      record: 'place "latakia"',
      field: "geometry.coordinates",
      value: "[35.7901123,35.53168]",
      message: "use at most 6 decimals",
    });
  });

  it("reports duplicate ids and keeps the first record of each", () => {
    const { dataset, problems } = validateDataset(
      withEdit((d) => {
        d.places.push({ ...structuredClone(d.place("erbil")), geometry: { type: "Point", coordinates: [44, 36] } });
        d.actors.push(structuredClone(find(d.actors, "iran")));
        d.eventsFile.events.push(structuredClone(d.event("syria-war-toll")));
      }),
    );
    expect(problems).toEqual([
      { file: PLACES, record: 'place "erbil"', field: "id", value: '"erbil"', message: "duplicate place id" },
      { file: ACTORS, record: 'actor "iran"', field: "id", value: '"iran"', message: "duplicate actor id" },
      expect.objectContaining({ file: EVENTS, record: 'event "syria-war-toll"', field: "id", value: '"syria-war-toll"' }),
    ]);
    expect(dataset).toEqual(goodResult.dataset);
  });

  it("reports an events file that names the wrong story", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.eventsFile.story = "putin-visits-syria-2019";
      }),
    );
    expect(problems).toEqual([
      {
        file: EVENTS,
        record: "the file",
        field: "story",
        value: '"putin-visits-syria-2019"',
        message: 'must be the id of its story, "putin-visits-syria-2020"',
      },
    ]);
  });

  it("reports when no story is on the front page, and when two are", () => {
    const none = validateDataset(
      withEdit((d) => {
        d.story.frontPage = false;
      }),
    ).problems;
    expect(none).toEqual([expect.objectContaining({ file: STORY, record: "the stories", field: "frontPage", value: "[]" })]);

    const two = validateDataset(
      withEdit((d) => {
        d.raw.stories.push({
          story: { file: "geo/data/stories/second/story.json", json: { ...d.story, id: "second" } },
          events: { file: "geo/data/stories/second/events.json", json: { story: "second", events: [] } },
        });
      }),
    ).problems;
    expect(two).toEqual([expect.objectContaining({ field: "frontPage", value: '["putin-visits-syria-2020","second"]' })]);
  });

  /** A second story, off the front page, whose events file holds `events`. */
  function secondStory(d: Editable, id: string, events: unknown[]) {
    d.raw.stories.push({
      story: { file: `geo/data/stories/${id}/story.json`, json: { ...d.story, id, frontPage: false } },
      events: { file: `geo/data/stories/${id}/events.json`, json: { story: id, events } },
    });
  }

  it("reports an event id used in two stories, naming both files, and keeps the first", () => {
    const { problems, dataset } = validateDataset(
      withEdit((d) => {
        secondStory(d, "second", [structuredClone(d.event("syria-war-toll"))]);
      }),
    );
    expect(problems).toEqual([
      {
        file: "geo/data/stories/second/events.json",
        record: 'event "syria-war-toll"',
        field: "id",
        value: '"syria-war-toll"',
        message: `duplicate event id: also in ${EVENTS} (event ids are unique across all stories)`,
      },
    ]);
    expect(dataset.events.filter((e) => e.id === "syria-war-toll").map((e) => e.story)).toEqual(["putin-visits-syria-2020"]);
  });

  it("reports a duplicate even when the event's first record was rejected for another problem", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        const copy = structuredClone(d.event("syria-war-toll"));
        d.event("syria-war-toll").places[0]!.place = "damascos";
        secondStory(d, "second", [copy]);
      }),
    );
    expect(problems.map((p) => `${p.file}: ${p.field} ${p.message}`)).toEqual([
      `${EVENTS}: places.0.place unknown place (did you mean "damascus"?)`,
      `geo/data/stories/second/events.json: id duplicate event id: also in ${EVENTS} (event ids are unique across all stories)`,
    ]);
  });

  it("reports two stories with one id, naming both files, and keeps the first", () => {
    const { problems, dataset } = validateDataset(
      withEdit((d) => {
        secondStory(d, "putin-visits-syria-2020", []);
      }),
    );
    expect(problems).toEqual([
      {
        file: "geo/data/stories/putin-visits-syria-2020/story.json",
        record: 'story "putin-visits-syria-2020"',
        field: "id",
        value: '"putin-visits-syria-2020"',
        message: `duplicate story id: also in ${STORY} (story ids are unique)`,
      },
    ]);
    expect(dataset.stories).toHaveLength(1);
    expect(dataset.events).toEqual(goodResult.dataset.events);
  });

  it("reports a data folder without stories, naming the folder", () => {
    const { problems } = validateDataset({ ...good, stories: [] });
    expect(problems).toEqual([
      expect.objectContaining({
        file: "geo/data/stories",
        record: "the stories",
        message: expect.stringMatching(/^no story: add a folder/),
      }),
    ]);
  });

  it("reports a byline source that is a file name or a sentence, and takes the story out", () => {
    const fileName = "Wire report supplied to Dateline as 2020-01-08-putin-visits-syria.txt";
    const named = validateDataset(
      withEdit((d) => {
        d.story.source = fileName;
      }),
    );
    expect(named.problems).toEqual([
      {
        file: STORY,
        record: "the file",
        field: "source",
        value: JSON.stringify(fileName),
        message:
          'must name the source as a byline does ("Reuters", "Wire report"), not a file: put how the copy reached Dateline in sourceNote',
      },
    ]);
    expect(named.dataset.stories).toEqual([]);

    const long = validateDataset(
      withEdit((d) => {
        d.story.source = `Wire report, ${"and more ".repeat(10)}`;
      }),
    ).problems;
    expect(long).toEqual([
      expect.objectContaining({ file: STORY, field: "source", message: expect.stringContaining("at most 80 characters") }),
    ]);
  });

  it("keeps the source note out of the byline, and the story without one", () => {
    const story = goodResult.dataset.stories[0];
    expect(story?.source).toBe("Wire report");
    expect(story?.sourceNote).toContain("2020-01-08-putin-visits-syria.txt");
    const without = validateDataset(
      withEdit((d) => {
        delete d.story.sourceNote;
      }),
    );
    expect(without.problems).toEqual([]);
    expect(without.dataset.stories[0]?.sourceNote).toBeUndefined();
  });

  it("reports a file that could not be read", () => {
    const raw = withEdit((d) => {
      d.raw.actors = { file: ACTORS, json: undefined, readError: "Unexpected end of JSON input" };
    });
    const { problems, dataset } = validateDataset(raw);
    expect(problems[0]).toEqual({
      file: ACTORS,
      record: "the file",
      field: "",
      value: "(unreadable)",
      message: "Unexpected end of JSON input",
    });
    expect(dataset.actors).toEqual([]);
    expect(dataset.places).toEqual(goodResult.dataset.places);
  });
});

describe("validateDataset, place outlines (Natural Earth admin-0 and admin-1)", () => {
  const outlineProblem = (edit: (d: Editable) => void) => validateDataset(withEdit(edit)).problems[0];

  it("accepts the shipped admin-1 outline of Latakia Governorate", () => {
    expect(goodResult.dataset.places.find((p) => p.id === "latakia")?.properties.outline).toEqual({ naturalEarthAdmin1: "SY-LA" });
  });

  it("reports an unknown admin-1 code with a did-you-mean among the country's codes", () => {
    const { dataset, problems } = validateDataset(
      withEdit((d) => {
        d.place("latakia").properties.outline = { naturalEarthAdmin1: "SY-LAT" };
      }),
    );
    expect(problems[0]).toEqual({
      file: PLACES,
      record: 'place "latakia"',
      field: "properties.outline.naturalEarthAdmin1",
      value: '"SY-LAT"',
      message: 'unknown Natural Earth admin-1 code (did you mean "SY-LA"?)',
    });
    expect(dataset.places.map((p) => p.id)).not.toContain("latakia");
    // The events at Latakia say why they were dropped.
    expect(problems.slice(1).every((p) => p.file === EVENTS && /rejected/.test(p.message))).toBe(true);
  });

  it("reports an admin-1 unit of another country, naming it and where Natural Earth puts it", () => {
    expect(
      outlineProblem((d) => {
        d.place("latakia").properties.outline = { naturalEarthAdmin1: "TR-31" };
      }),
    ).toEqual({
      file: PLACES,
      record: 'place "latakia"',
      field: "properties.outline.naturalEarthAdmin1",
      value: '"TR-31"',
      message: "Natural Earth puts Hatay (TR-31) in TR, not in SY",
    });
  });

  it("reports a point outside its admin-1 outline and names the unit it is in", () => {
    expect(
      outlineProblem((d) => {
        d.place("latakia").properties.outline = { naturalEarthAdmin1: "SY-TA" };
      }),
    ).toEqual({
      file: PLACES,
      record: 'place "latakia"',
      field: "geometry.coordinates",
      value: "[35.79011,35.53168]",
      message: "point lies outside its outline Tartus (SY-TA): it is in Latakia (SY-LA)",
    });
  });

  it("does not test the point against the outline when the point is already outside its country", () => {
    const { problems } = validateDataset(
      withEdit((d) => {
        d.place("latakia").geometry.coordinates = [44.4009, 33.3406]; // Baghdad
      }),
    );
    expect(problems.filter((p) => p.record === 'place "latakia"')).toEqual([
      expect.objectContaining({ field: "geometry.coordinates", message: "point lies outside its country SY: it is in IQ" }),
    ]);
  });

  it("reports a code Natural Earth gives to two different units", () => {
    expect(
      outlineProblem((d) => {
        d.place("tehran").properties.outline = { naturalEarthAdmin1: "IR-07" };
      }),
    ).toMatchObject({
      record: 'place "tehran"',
      field: "properties.outline.naturalEarthAdmin1",
      message: "ambiguous: Natural Earth gives this code to Tehran and Alborz",
    });
  });

  it("reports a malformed code, and an outline naming both kinds or neither", () => {
    const malformed = outlineProblem((d) => {
      d.place("latakia").properties.outline = { naturalEarthAdmin1: "sy-la" };
    });
    expect(malformed).toEqual({
      file: PLACES,
      record: 'place "latakia"',
      field: "properties.outline.naturalEarthAdmin1",
      value: '"sy-la"',
      message: 'must be an ISO 3166-2 code like "SY-LA"',
    });
    const notOneKind: Record<string, string>[] = [{ naturalEarthCountry: "SY", naturalEarthAdmin1: "SY-LA" }, {}];
    for (const outline of notOneKind) {
      const problem = outlineProblem((d) => {
        d.place("latakia").properties.outline = outline;
      });
      expect(problem).toMatchObject({ record: 'place "latakia"', field: "properties.outline", message: expect.stringMatching(/either/) });
    }
  });

  it("reports a country outline that is not the place's own country", () => {
    expect(
      outlineProblem((d) => {
        d.place("syria").properties.outline = { naturalEarthCountry: "IQ" };
      }),
    ).toEqual({
      file: PLACES,
      record: 'place "syria"',
      field: "properties.outline.naturalEarthCountry",
      value: '"IQ"',
      message: "must be the place's own country SY",
    });
  });
});

describe("validateDataset, a story's context layer", () => {
  const citation = { title: "ACLED SYR1", publisher: "SOHR", url: "https://acleddata.com/data-export-tool/" };
  const contextEvent = (change: Record<string, unknown> = {}) => ({
    id: "acled-syr1",
    title: "Battles in Damascus",
    summary: "Clashes in Damascus.",
    date: "2019-03-15",
    actors: [{ actor: "syria", role: "belligerent" }],
    places: [{ place: "damascus", role: "venue", provenance: { kind: "context", citation } }],
    provenance: { kind: "context", citation },
    ...change,
  });
  const withContext = (...events: unknown[]) =>
    withEdit((d) => {
      (d.eventsFile as { context?: unknown[] }).context = events;
    });

  it("keeps a context event, without a quote, with the story's other events", () => {
    const { dataset, problems } = validateDataset(withContext(contextEvent()));
    expect(problems).toEqual([]);
    const added = dataset.events.find((e) => e.id === "acled-syr1");
    expect(added).toMatchObject({ story: "putin-visits-syria-2020", provenance: { kind: "context", citation } });
    expect(added?.quote).toBeUndefined();
    expect(dataset.events).toHaveLength(goodEventIds.length + 1);
  });

  it("reports a context event that claims the article, an unknown place, and an id the article's events use", () => {
    const { dataset, problems } = validateDataset(
      withContext(
        contextEvent({ id: "acled-a", provenance: { kind: "article" } }),
        contextEvent({ id: "acled-b", places: [{ place: "damascos", role: "venue" }] }),
        contextEvent({ id: "putin-visits-syria" }),
      ),
    );
    expect(problems.map((p) => [p.record, p.field, p.value])).toEqual([
      ['context event "acled-a"', "provenance.kind", '"article"'],
      ['context event "acled-a"', "provenance.citation", "(missing)"],
      ['event "acled-b"', "places.0.place", '"damascos"'],
      ['event "putin-visits-syria"', "id", '"putin-visits-syria"'],
    ]);
    expect(problems[2]?.message).toMatch(/did you mean "damascus"/);
    expect(dataset.events.map((e) => e.id)).toEqual(goodEventIds);
  });

  it("reports a context event put among the article's events, where a quote is required", () => {
    const raw = withEdit((d) => {
      (d.eventsFile.events as unknown[]).push(contextEvent());
    });
    const { problems } = validateDataset(raw);
    expect(problems.map((p) => [p.record, p.field])).toEqual([['event "acled-syr1"', "quote"]]);
  });
});

describe("validateDataset leaves its input alone", () => {
  it("does not mutate good or bad raw data", () => {
    const bad = withEdit((d) => {
      d.event("putin-assad-talks-damascus").places[0]!.place = "damascos";
      d.place("erbil").geometry.coordinates[1] = 95;
      d.actors.push(structuredClone(find(d.actors, "iran")));
    });
    for (const raw of [good, bad]) {
      const before = structuredClone(raw);
      validateDataset(raw);
      expect(raw).toEqual(before);
    }
  });
});

describe("readRawDataset on a broken data directory", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function copyOfData(): string {
    dir = mkdtempSync(path.join(tmpdir(), "dateline-"));
    cpSync(DATA_DIR, dir, { recursive: true });
    return dir;
  }

  it("turns malformed JSON into a readError that validation reports", () => {
    const copy = copyOfData();
    writeFileSync(path.join(copy, "actors.json"), '{ "actors": [');
    const raw = readRawDataset(copy);
    expect(raw.actors.json).toBeUndefined();
    expect(raw.actors.readError).toMatch(/JSON/);
    const { problems } = validateDataset(raw);
    expect(problems[0]).toMatchObject({ file: expect.stringMatching(/actors\.json$/), record: "the file", value: "(unreadable)" });
  });

  it("turns a missing events file into a readError naming that file", () => {
    const copy = copyOfData();
    unlinkSync(path.join(copy, "stories", "2020-01-08-putin-visits-syria", "events.json"));
    const { problems, dataset } = validateDataset(readRawDataset(copy));
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/putin-visits-syria\/events\.json$/),
        message: expect.stringMatching(/ENOENT/),
      }),
    ]);
    expect(dataset.events).toEqual([]);
  });
});
