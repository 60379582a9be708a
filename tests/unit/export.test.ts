/**
 * The CSV export read back with a different CSV implementation (csv-parse) than the one that
 * writes it (papaparse): every event comes back with the same fields, awkward text included.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { eventsAnswer, eventsCollection } from "@/geo/api";
import { CSV_COLUMNS, toCsv, type ExportContext } from "@/geo/export";
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
    event.quote.text = AWKWARD.quote;
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
