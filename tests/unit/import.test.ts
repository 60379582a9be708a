import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { ACLED_COLUMNS, type AcledRow } from "@/geo/import/acled";
import { importAcled, ImportError } from "@/geo/import/import";
import { ActorIndex, markFor, PlaceIndex } from "@/geo/import/match";
import { normalName, slugOf, uniqueId } from "@/geo/import/names";
import { acledDay, parseAcledRow, type CountryCheck } from "@/geo/import/rows";
import { readRawDataset } from "@/geo/load";
import { actorSchema, placeFeatureSchema } from "@/geo/schema";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());
const damascus = dataset.places.find((p) => p.id === "damascus")!;

describe("names", () => {
  it("compares names without diacritics, apostrophes, case or punctuation", () => {
    expect(normalName("Ma‘arrat an Nu‘mān")).toBe(normalName("Maarrat an-Numan"));
    expect(normalName("  Ḩamāh ")).toBe("hamah");
  });

  it("slugs names into the ids' alphabet, and '' for a name without Latin letters", () => {
    expect(slugOf("Ḩammām Wāşil")).toBe("hammam-wasil");
    expect(slugOf("SYR1234")).toBe("syr1234");
    expect(slugOf("دمشق")).toBe("");
  });

  it("numbers an id that is taken", () => {
    expect(uniqueId("idlib", new Set())).toBe("idlib");
    expect(uniqueId("idlib", new Set(["idlib", "idlib-2"]))).toBe("idlib-3");
  });
});

describe("PlaceIndex", () => {
  const request = (name: string, position: [number, number], country = "SY", admin1 = "Damascus") => ({
    name,
    country,
    admin1,
    position,
    coordinatesSource: "test",
  });

  it("matches a place by name or alias within 5 km in the same country", () => {
    const index = new PlaceIndex(dataset.places);
    const near: [number, number] = [damascus.geometry.coordinates[0]! + 0.03, damascus.geometry.coordinates[1]!]; // about 2.8 km east
    expect(index.placeFor(request("Damascus", near)).id).toBe("damascus");
    expect(index.placeFor(request("Dimashq", near)).id).toBe("damascus");
    expect(index.created).toEqual([]);
  });

  it("makes a new place for a name it does not know, or a known name too far away or in another country", () => {
    const index = new PlaceIndex(dataset.places);
    const far: [number, number] = [damascus.geometry.coordinates[0]! + 0.1, damascus.geometry.coordinates[1]!]; // about 9 km east
    const made = index.placeFor(request("Damascus", far, "SY", "Rif Dimashq"));
    expect(made.id).toBe("damascus-rif-dimashq");
    expect(index.placeFor(request("Douma", [36.4, 33.57])).id).toBe("douma");
    expect(index.placeFor(request("Damascus", [36.29, 33.51], "LB", "Beqaa")).id).not.toBe("damascus");
    expect(index.created.map((p) => placeFeatureSchema.safeParse(p).success)).toEqual([true, true, true]);
  });

  it("matches the places it made itself, so that a town's rows share one place", () => {
    const index = new PlaceIndex([]);
    const first = index.placeFor(request("Kafr Nabl", [36.5611, 35.6139]));
    expect(index.placeFor(request("Kafr Nabl", [36.57, 35.62])).id).toBe(first.id);
    expect(index.created).toHaveLength(1);
  });

  it("gives the nearest of two places of one name", () => {
    const index = new PlaceIndex([]);
    const west = index.placeFor(request("Tall Hamid", [36.0, 35.0], "SY", "Hama"));
    const east = index.placeFor(request("Tall Hamid", [36.1, 35.0], "SY", "Hama"));
    expect(east.id).not.toBe(west.id);
    expect(index.placeFor(request("Tall Hamid", [36.08, 35.0])).id).toBe(east.id);
  });
});

describe("ActorIndex", () => {
  it("matches an actor by id, name or alias", () => {
    const index = new ActorIndex(dataset.actors, "ACLED");
    expect(index.actorFor("Military Forces of Russia (2000-)").id).toBe("russia");
    expect(index.actorFor("syrian government").id).toBe("syria");
    expect(index.actorFor("usa").id).toBe("usa");
    expect(index.created).toEqual([]);
  });

  it("makes new actors with valid, unused two-letter marks and a colour", () => {
    const index = new ActorIndex(dataset.actors, "ACLED");
    const names = [
      "Protesters (Syria)",
      "Protesters (Iraq)",
      "Police Forces of Iraq (2014-)",
      "Hayat Tahrir al-Sham",
      "Islamic State (Syria)",
    ];
    const made = names.map((name) => index.actorFor(name));
    expect(made.map((a) => actorSchema.safeParse(a).success)).toEqual(names.map(() => true));
    const marks = [...dataset.actors, ...made].map((a) => a.abbreviation);
    expect(new Set(marks).size).toBe(marks.length);
    expect(made[0]?.abbreviation).toBe("PS");
    expect(index.actorFor("Protesters (Syria)")).toBe(made[0]);
  });

  it("finds a free mark even when every letter pair of the name is taken", () => {
    expect(markFor("Ab", new Set(["AB"]))).toBe("AA");
  });
});

const ROW: AcledRow = {
  event_id_cnty: "SYR1",
  event_date: "2019-03-15",
  time_precision: "1",
  event_type: "Battles",
  actor1: "Military Forces of Syria (2000-)",
  actor2: "Opposition Rebels (Syria)",
  country: "Syria",
  admin1: "Damascus",
  location: "Damascus",
  latitude: "33.5102",
  longitude: "36.2913",
  geo_precision: "1",
  source: "SOHR",
  notes: "Clashes in Damascus.",
  fatalities: "2",
};
const inSyriaBox: CountryCheck = ([lng = 0, lat = 0], alpha2) => alpha2 === "SY" && lng > 35.5 && lng < 42.5 && lat > 32.3 && lat < 37.4;
const where = { row: 7, line: 8 };

function problemsOf(change: Partial<Record<keyof AcledRow, string | undefined>>) {
  const result = parseAcledRow({ ...ROW, ...change }, where, inSyriaBox);
  return "problems" in result
    ? result.problems.map(({ column, value, row, line, message }) => ({ column, value, row, line, message }))
    : [];
}

describe("parseAcledRow", () => {
  it("reads a good row into typed values", () => {
    const result = parseAcledRow(ROW, where, inSyriaBox);
    expect(result).toMatchObject({ record: { row: 7, date: "2019-03-15", country: "SY", position: [36.2913, 33.5102], fatalities: 2 } });
  });

  it("reads ACLED's older day format, and a month-precise date as YYYY-MM", () => {
    expect(acledDay("15 March 2019")).toBe("2019-03-15");
    expect(acledDay("5-Mar-2019")).toBe("2019-03-05");
    expect(parseAcledRow({ ...ROW, time_precision: "3" }, where, inSyriaBox)).toMatchObject({ record: { date: "2019-03" } });
  });

  it("names the row, line, column and value of a bad date", () => {
    expect(problemsOf({ event_date: "2019-02-30" })).toEqual([
      { column: "event_date", value: '"2019-02-30"', row: 7, line: 8, message: expect.stringContaining("real day") },
    ]);
    expect(problemsOf({ event_date: "sometime" })[0]?.column).toBe("event_date");
  });

  it("rejects coordinates out of range, not numbers, or outside the named country", () => {
    expect(problemsOf({ latitude: "95" })).toMatchObject([{ column: "latitude", value: '"95"' }]);
    expect(problemsOf({ longitude: "east" })).toMatchObject([{ column: "longitude", value: '"east"' }]);
    const outside = problemsOf({ latitude: "48.85", longitude: "2.35" });
    expect(outside).toMatchObject([{ column: "latitude", value: '"48.85, 2.35"' }]);
    expect(outside[0]?.message).toMatch(/outside Syria \(SY\)/);
  });

  it("says when latitude and longitude look swapped", () => {
    const check: CountryCheck = ([lng = 0, lat = 0]) => lng > 35 && lat < 35;
    const result = parseAcledRow({ ...ROW, latitude: "36.29", longitude: "33.51" }, where, check);
    expect("problems" in result && result.problems[0]?.message).toMatch(/swapped/);
  });

  it("reports a missing column and an empty required value, and an unknown country", () => {
    expect(problemsOf({ location: undefined, notes: undefined })).toMatchObject([
      { column: "location", value: "(missing)", message: expect.stringContaining("no location, notes") },
    ]);
    expect(problemsOf({ actor1: " " })).toMatchObject([{ column: "actor1", message: "must not be empty" }]);
    expect(problemsOf({ country: "Narnia" })).toMatchObject([{ column: "country", value: '"Narnia"' }]);
    expect(problemsOf({ fatalities: "-1", geo_precision: "7" }).map((p) => p.column)).toEqual(["geo_precision", "fatalities"]);
  });

  it("keeps rows whose optional columns are empty", () => {
    expect(problemsOf({ actor2: "", notes: "", fatalities: "", admin1: "", source: "" })).toEqual([]);
  });
});

/** A CSV of rows, quoted as a spreadsheet writes them. */
function csvOf(rows: readonly Partial<AcledRow>[], columns: readonly string[] = ACLED_COLUMNS): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [columns.join(","), ...rows.map((row) => columns.map((c) => quote(row[c as keyof AcledRow] ?? "")).join(","))].join("\n") + "\n";
}

describe("importAcled, end to end into a copy of the data folder", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const copy = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-import-"));
    dirs.push(dir);
    cpSync(path.join("geo", "data"), dir, { recursive: true });
    return dir;
  };
  const story = "putin-visits-syria-2020";
  const good: Partial<AcledRow>[] = [
    ROW,
    {
      ...ROW,
      event_id_cnty: "SYR2",
      latitude: "33.52",
      longitude: "36.3",
      actor2: "",
      event_type: "Protests",
      actor1: "Protesters (Syria)",
      notes: 'He said "no", loudly,\nthen left.',
    },
    {
      ...ROW,
      event_id_cnty: "IRQ1",
      country: "Iraq",
      admin1: "Erbil",
      location: "Koysinjaq",
      latitude: "36.0828",
      longitude: "44.6286",
      actor1: "Islamic State (Iraq)",
      actor2: "Peshmerga",
    },
  ];
  const broken: Partial<AcledRow>[] = [
    { ...ROW, event_id_cnty: "SYR3", event_date: "2019-02-30" },
    { ...ROW, event_id_cnty: "SYR4", latitude: "48.85", longitude: "2.35" },
    { ...ROW, event_id_cnty: "SYR1" }, // the same id as the first row
  ];

  it("keeps every valid row, reports each broken one, and leaves a folder that validates", async () => {
    const dir = copy();
    // A short row (missing columns) after the rest.
    const csv = `${csvOf([...good, ...broken])}SYR5,2019-03-15,1\n`;
    const report = await importAcled({ csv: Readable.from([csv]), dataDir: dir, story });
    expect(report.rows).toBe(7);
    expect(report.imported).toBe(3);
    const byRow = report.problems.map((p) => [p.row, p.column]);
    expect(byRow).toEqual(
      expect.arrayContaining([
        [4, "event_date"],
        [5, "latitude"],
        [6, "event_id_cnty"],
        [7, "event_type"],
      ]),
    );
    expect(report.problems.find((p) => p.row === 4)).toMatchObject({ line: 6, value: '"2019-02-30"' });
    expect(report.placesMatched).toBe(2); // both Damascus rows are the known place
    expect(report.placesCreated.map((p) => p.id)).toEqual(["koysinjaq"]);
    expect(report.actorsCreated.map((a) => a.name)).toEqual(["Protesters (Syria)", "Islamic State (Iraq)", "Peshmerga"]);

    const { dataset: after, problems } = validateDataset(readRawDataset(dir));
    expect(problems).toEqual([]);
    const imported = after.events.filter((e) => !e.quote);
    expect(imported.map((e) => e.id)).toEqual(["acled-syr1", "acled-syr2", "acled-irq1"]);
    const first = imported[0]!;
    expect(first.provenance).toEqual({
      kind: "context",
      citation: { title: "ACLED SYR1", publisher: "SOHR", url: "https://acleddata.com/data-export-tool/" },
    });
    expect(first.places).toEqual([{ place: "damascus", role: "venue", provenance: first.provenance }]);
    expect(first.actors).toEqual([
      { actor: "syria", role: "belligerent" },
      { actor: "rebels", role: "belligerent" },
    ]);
    expect(imported[1]?.summary).toBe('He said "no", loudly,\nthen left. Reported fatalities: 2.');
    // The article's own events are still there, as they were.
    const before = validateDataset(readRawDataset()).dataset.events;
    expect(after.events.filter((e) => e.quote)).toEqual(before);
  });

  it("replaces the layer's events on a second import of the same rows, making no new place or actor", async () => {
    const dir = copy();
    await importAcled({ csv: Readable.from([csvOf(good)]), dataDir: dir, story });
    const placesBefore = readFileSync(path.join(dir, "places.geojson"), "utf8");
    const again = await importAcled({ csv: Readable.from([csvOf(good)]), dataDir: dir, story });
    expect(again).toMatchObject({ imported: 3, replaced: 3, placesCreated: [], actorsCreated: [] });
    expect(readFileSync(path.join(dir, "places.geojson"), "utf8")).toBe(placesBefore);
    const more = await importAcled({ csv: Readable.from([csvOf([{ ...ROW, event_id_cnty: "SYR9" }])]), dataDir: dir, story });
    expect(more.replaced).toBe(0);
    const { dataset: after, problems } = validateDataset(readRawDataset(dir));
    expect(problems).toEqual([]);
    expect(after.events.filter((e) => !e.quote)).toHaveLength(4);
  });

  it("refuses a file whose header lacks a column, naming it, and an unknown story", async () => {
    const dir = copy();
    const columns = ACLED_COLUMNS.filter((c) => c !== "latitude");
    await expect(importAcled({ csv: Readable.from([csvOf([ROW], columns)]), dataDir: dir, story })).rejects.toThrow(/no column "latitude"/);
    await expect(importAcled({ csv: Readable.from([csvOf([ROW])]), dataDir: dir, story: "nope" })).rejects.toThrow(ImportError);
  });

  it("keeps the rows after a stray quote, and reports an unclosed quote by its row and line", async () => {
    const dir = copy();
    const rows = [ROW, { ...ROW, event_id_cnty: "SYR2", event_date: '"2019-03-15"x' }, { ...ROW, event_id_cnty: "SYR3" }];
    const lines = csvOf(rows).trimEnd().split("\n");
    // The stray quote as a careless export writes it, unescaped; then a quote that never closes.
    lines[2] = lines[2]!.replace('"""2019-03-15""x"', '"2019-03-15"x');
    const csv = [...lines, 'SYR7,"2019-03-15,1'].join("\n") + "\n";
    writeFileSync(path.join(dir, "in.csv"), csv);
    const report = await importAcled({ csv: path.join(dir, "in.csv"), dataDir: dir, story });
    expect(report.rows).toBe(4);
    expect(report.problems).toMatchObject([
      { row: 2, line: 3, column: "event_date", value: '"\\"2019-03-15\\"x"' },
      { row: 4, line: 5, column: "", value: "(unreadable)", message: expect.stringMatching(/quote/i) },
    ]);
    expect(report.imported).toBe(2);
  });
});
