import { describe, expect, it } from "vitest";
import {
  airportEntries,
  cityEntries,
  CITY_MIN_POPULATION,
  labelPoint,
  markCommonWords,
  VARIANTS,
  type AirportSource,
} from "@/geo/draft/gazetteer-build";
import { indexGazetteer } from "@/geo/draft/gazetteer";
import { nameKey } from "@/geo/draft/names";
import { testGazetteer } from "./draft-helpers";

const city = (name: string, country: string, population: number, featureCode = "PPL") => ({
  name,
  altName: "",
  country,
  featureCode,
  population,
  loc: { coordinates: [1, 2] as [number, number] },
});

const airport = (name: string, type = "medium_airport", municipality = ""): AirportSource => ({
  type,
  name,
  latitude_deg: "35.4011",
  longitude_deg: "35.9487",
  iso_country: "SY",
  municipality,
  iata_code: "",
  keywords: "",
});

describe("the gazetteer's build", () => {
  it("keeps large cities everywhere and every city of the region, but no city sections", () => {
    const kept = cityEntries([
      city("Smallville", "US", CITY_MIN_POPULATION - 1),
      city("Bigtown", "US", CITY_MIN_POPULATION),
      city("Sarāqib", "SY", 3000),
      city("Old Quarter", "SY", 90000, "PPLX"),
      city("Damascus", "SY", 1569394, "PPLC"),
    ]);
    expect(kept.map((c) => c.name)).toEqual(["Bigtown", "Sarāqib", "Damascus"]);
    expect(kept.find((c) => c.name === "Damascus")?.major).toBe(true);
  });

  it("adds English variants and names without Arabic's article", () => {
    const [raqqa] = cityEntries([city("Ar Raqqah", "SY", 177000)]);
    expect(raqqa?.variants).toEqual(expect.arrayContaining(["Raqqa", "Raqqah"]));
  });

  it("names airfields as reporters write them, and tells air bases by name", () => {
    const [damascus, base] = airportEntries([
      airport("Damascus International Airport", "large_airport", "Damascus"),
      airport("Al Asad Air Base"),
    ]);
    expect(damascus).toMatchObject({ kind: "airport", major: true });
    expect(damascus?.variants).toEqual(expect.arrayContaining(["Damascus airport"]));
    expect(base).toMatchObject({ kind: "air-base", name: "Al Asad Air Base" });
    const index = indexGazetteer({ sources: [], entries: [damascus!, base!] });
    for (const written of ["Al Asad airbase", "Al-Asad air base", "Asad Air Base", "Al Asad airfield"])
      expect(index.byKey.get(nameKey(written)), written).toEqual([1]);
  });

  it("marks one-word names that are English words", () => {
    const [nice, aleppo] = markCommonWords(cityEntries([city("Nice", "FR", 340000), city("Aleppo", "SY", 1602264)]), new Set(["nice"]));
    expect(nice?.common).toBe(true);
    expect(aleppo?.common).toBeUndefined();
  });

  it("puts an area's point inside its largest part", () => {
    const square = (x: number, size: number) => [
      [
        [x, 0],
        [x + size, 0],
        [x + size, size],
        [x, size],
        [x, 0],
      ],
    ];
    const [lng, lat] = labelPoint({ type: "MultiPolygon", coordinates: [square(0, 1), square(10, 4)] });
    expect(lng).toBeCloseTo(12, 0);
    expect(lat).toBeCloseTo(2, 0);
  });

  it("indexes every name and variant by its folded key", () => {
    const index = indexGazetteer({ sources: [], entries: cityEntries([city("Ḩamāh", "SY", 460000)]) });
    expect(index.byKey.get("hama")).toEqual([0]);
    expect(index.byKey.get("hamah")).toEqual([0]);
  });
});

describe("the built gazetteer", () => {
  const gazetteer = testGazetteer();
  const find = (name: string, kind: string) => gazetteer.entries.find((e) => e.name === name && e.kind === kind);

  it("cites its sources and their licences", () => {
    expect(gazetteer.sources.join("\n")).toMatch(/GeoNames.*CC BY 4\.0[\s\S]*OurAirports.*public domain[\s\S]*Natural Earth/);
  });

  it("has a city for every variant it adds (a misspelt key would add nothing)", () => {
    for (const key of Object.keys(VARIANTS)) {
      const [name, country] = key.split("|");
      expect(
        gazetteer.entries.some((e) => e.kind === "city" && e.name === name && e.country === country),
        key,
      ).toBe(true);
    }
  });

  it("names an airport after the city its name starts with", () => {
    expect(find("Adana Şakirpaşa Airport", "airport")?.variants).toContain("Adana airport");
  });

  it("holds cities, countries, provinces, airports and air bases of the region", () => {
    expect(find("Aleppo", "city")?.country).toBe("SY");
    expect(find("Syrian Arab Republic", "country")?.variants).toContain("Syria");
    expect(find("Latakia", "province")?.country).toBe("SY");
    expect(find("Bassel Al-Assad International Airport", "airport")?.country).toBe("SY");
    expect(find("Al Asad Air Base", "air-base")?.country).toBe("IQ");
  });
});
