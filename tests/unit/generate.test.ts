import { describe, expect, it } from "vitest";
import { isInCountry } from "@/geo/countries";
import { EVENT_TYPES } from "@/geo/import/acled";
import { generateAcledRows } from "@/geo/import/generate";
import { seededRandom } from "@/geo/import/random";
import { parseAcledRow } from "@/geo/import/rows";

const rows = [...generateAcledRows({ events: 400, seed: 42 })];

describe("seededRandom", () => {
  it("gives the same numbers for the same seed and others for another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((n) => n >= 0 && n < 1)).toBe(true);
  });
});

describe("generateAcledRows", () => {
  it("gives the same rows for the same seed, and others for another", () => {
    expect([...generateAcledRows({ events: 400, seed: 42 })]).toEqual(rows);
    expect([...generateAcledRows({ events: 400, seed: 43 })]).not.toEqual(rows);
  });

  it("writes rows that the import reads without a problem: real days, points inside the named country", () => {
    rows.forEach((row, i) => {
      const result = parseAcledRow(row, { row: i + 1, line: i + 2 }, isInCountry);
      expect("problems" in result ? result.problems : [], row.event_id_cnty).toEqual([]);
    });
  });

  it("spreads events over 2011-2020, several countries and many towns, with unique ids and ACLED's event types", () => {
    const years = new Set(rows.map((r) => r.event_date.slice(0, 4)));
    expect([...years].every((y) => y >= "2011" && y <= "2020")).toBe(true);
    expect(years.size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.country)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((r) => `${r.country}/${r.location}`)).size).toBeGreaterThan(200);
    expect(new Set(rows.map((r) => r.event_id_cnty)).size).toBe(rows.length);
    expect(rows.every((r) => (EVENT_TYPES as readonly string[]).includes(r.event_type))).toBe(true);
  });

  it("brings actors in only from the year they appear (Russia's air campaign from September 2015)", () => {
    const russian = rows.filter((r) => [r.actor1, r.actor2].includes("Military Forces of Russia (2000-)"));
    expect(russian.length).toBeGreaterThan(0);
    expect(russian.every((r) => r.event_date >= "2015-09-30")).toBe(true);
  });
});
