/**
 * Generated ACLED-style rows for fixtures and benchmarks: realistic in shape (towns of the region
 * inside their countries, the actors and sources of 2011-2020, ACLED's precisions and ids), never
 * ACLED's data. The same seed gives the same rows.
 */
import type { Position } from "geojson";
import { isInCountry } from "../countries";
import { acledCountryName, eventIdPrefix, type AcledRow, type EventType } from "./acled";
import { townsOf, type Town } from "./gazetteer";
import { seededRandom, type Random } from "./random";

/** A kind of event in a country: its type, who may be its first and second actor, how often it comes. */
interface Scenario {
  type: EventType;
  actor1: readonly string[];
  /** Empty for events with one actor (a peaceful protest). */
  actor2: readonly string[];
  weight: number;
  /** How deadly: the mean of the fatalities' geometric distribution. */
  fatalities: number;
}

interface CountryProfile {
  /** Share of all events. */
  weight: number;
  sources: readonly string[];
  scenarios: readonly Scenario[];
}

const SYRIA = "Military Forces of Syria (2000-)";
const RUSSIA = "Military Forces of Russia (2000-)";
const TURKEY = "Military Forces of Turkey (2016-)";
const USA = "Military Forces of the United States (2017-2021)";
const IRAN = "Military Forces of Iran (1989-)";
const ISRAEL = "Military Forces of Israel (1948-)";
const PKK = "PKK: Kurdistan Workers Party";
const HEZBOLLAH = "Hezbollah";

/** The region's conflicts as ACLED's actor names describe them, 2011-2020. */
export const PROFILES: Readonly<Record<string, CountryProfile>> = {
  SY: {
    weight: 45,
    sources: ["Syrian Observatory for Human Rights", "SANA", "Enab Baladi", "Step News Agency", "Smart News Agency", "North Press Agency"],
    scenarios: [
      {
        type: "Battles",
        actor1: [SYRIA],
        actor2: ["Opposition Rebels (Syria)", "Hayat Tahrir al-Sham", "Islamic State (Syria)"],
        weight: 30,
        fatalities: 4,
      },
      {
        type: "Battles",
        actor1: ["SDF: Syrian Democratic Forces"],
        actor2: ["Islamic State (Syria)", "Syrian National Army"],
        weight: 10,
        fatalities: 3,
      },
      {
        type: "Explosions/Remote violence",
        actor1: [SYRIA, RUSSIA],
        actor2: ["Opposition Rebels (Syria)", "Civilians (Syria)"],
        weight: 25,
        fatalities: 2,
      },
      {
        type: "Explosions/Remote violence",
        actor1: [TURKEY, ISRAEL, USA],
        actor2: ["SDF: Syrian Democratic Forces", HEZBOLLAH, IRAN, "Islamic State (Syria)"],
        weight: 8,
        fatalities: 2,
      },
      {
        type: "Violence against civilians",
        actor1: ["Unidentified Armed Group (Syria)", "Islamic State (Syria)", SYRIA],
        actor2: ["Civilians (Syria)"],
        weight: 12,
        fatalities: 1.5,
      },
      { type: "Protests", actor1: ["Protesters (Syria)"], actor2: [], weight: 10, fatalities: 0 },
      {
        type: "Strategic developments",
        actor1: [SYRIA, "Opposition Rebels (Syria)", RUSSIA],
        actor2: ["Opposition Rebels (Syria)", "Hayat Tahrir al-Sham"],
        weight: 5,
        fatalities: 0,
      },
    ],
  },
  IQ: {
    weight: 20,
    sources: ["Shafaq News", "Rudaw", "Kurdistan 24", "Iraqi News Agency", "Al Sumaria"],
    scenarios: [
      {
        type: "Battles",
        actor1: ["Military Forces of Iraq (2014-)", "Popular Mobilization Forces", "Peshmerga"],
        actor2: ["Islamic State (Iraq)"],
        weight: 30,
        fatalities: 3,
      },
      {
        type: "Explosions/Remote violence",
        actor1: ["Islamic State (Iraq)", "Unidentified Armed Group (Iraq)", USA, TURKEY],
        actor2: ["Civilians (Iraq)", "Military Forces of Iraq (2014-)", PKK, "Popular Mobilization Forces"],
        weight: 30,
        fatalities: 2.5,
      },
      {
        type: "Violence against civilians",
        actor1: ["Unidentified Armed Group (Iraq)", "Islamic State (Iraq)"],
        actor2: ["Civilians (Iraq)"],
        weight: 15,
        fatalities: 1.5,
      },
      { type: "Protests", actor1: ["Protesters (Iraq)"], actor2: [], weight: 15, fatalities: 0 },
      { type: "Riots", actor1: ["Rioters (Iraq)"], actor2: ["Police Forces of Iraq (2014-)"], weight: 10, fatalities: 0.5 },
    ],
  },
  TR: {
    weight: 15,
    sources: ["Anadolu Agency", "Bianet", "Cumhuriyet", "Hurriyet Daily News", "Mezopotamya Agency"],
    scenarios: [
      { type: "Battles", actor1: [TURKEY], actor2: [PKK], weight: 25, fatalities: 2 },
      {
        type: "Explosions/Remote violence",
        actor1: [PKK, "Islamic State (Turkey)"],
        actor2: ["Police Forces of Turkey (2016-)", "Civilians (Turkey)"],
        weight: 10,
        fatalities: 2,
      },
      { type: "Protests", actor1: ["Protesters (Turkey)"], actor2: [], weight: 45, fatalities: 0 },
      { type: "Riots", actor1: ["Rioters (Turkey)"], actor2: ["Police Forces of Turkey (2016-)"], weight: 20, fatalities: 0.2 },
    ],
  },
  IR: {
    weight: 8,
    sources: ["Iran International", "HRANA", "Radio Farda", "IRNA", "Kurdistan Human Rights Network"],
    scenarios: [
      { type: "Protests", actor1: ["Protesters (Iran)"], actor2: [], weight: 50, fatalities: 0 },
      { type: "Riots", actor1: ["Rioters (Iran)"], actor2: ["Police Forces of Iran (1989-)"], weight: 20, fatalities: 0.5 },
      {
        type: "Battles",
        actor1: [IRAN, "IRGC: Islamic Revolutionary Guard Corps"],
        actor2: ["Jaish al Adl", "PJAK: Free Life Party of Kurdistan"],
        weight: 15,
        fatalities: 2,
      },
      {
        type: "Violence against civilians",
        actor1: ["Police Forces of Iran (1989-)"],
        actor2: ["Civilians (Iran)"],
        weight: 15,
        fatalities: 0.5,
      },
    ],
  },
  LB: {
    weight: 6,
    sources: ["L'Orient-Le Jour", "National News Agency", "The Daily Star (Lebanon)", "Naharnet"],
    scenarios: [
      { type: "Protests", actor1: ["Protesters (Lebanon)"], actor2: [], weight: 50, fatalities: 0 },
      { type: "Riots", actor1: ["Rioters (Lebanon)"], actor2: ["Military Forces of Lebanon (1991-)"], weight: 20, fatalities: 0.2 },
      { type: "Explosions/Remote violence", actor1: [ISRAEL], actor2: [HEZBOLLAH], weight: 15, fatalities: 1 },
      {
        type: "Battles",
        actor1: [HEZBOLLAH, "Military Forces of Lebanon (1991-)"],
        actor2: ["Islamic State (Syria)", "Hayat Tahrir al-Sham"],
        weight: 15,
        fatalities: 2,
      },
    ],
  },
  JO: {
    weight: 6,
    sources: ["Jordan Times", "Petra News Agency", "Roya News", "Ammon News"],
    scenarios: [
      { type: "Protests", actor1: ["Protesters (Jordan)"], actor2: [], weight: 65, fatalities: 0 },
      { type: "Riots", actor1: ["Rioters (Jordan)"], actor2: ["Police Forces of Jordan (1999-)"], weight: 25, fatalities: 0.1 },
      {
        type: "Strategic developments",
        actor1: ["Military Forces of Jordan (1999-)"],
        actor2: ["Unidentified Armed Group (Syria)"],
        weight: 10,
        fatalities: 0,
      },
    ],
  },
};

/**
 * When actors entered the record (ACLED's names carry the years of a government's forces, not
 * of its part in a war): Russia's air campaign began in September 2015, the SDF was formed in
 * October 2015, and so on. An actor not listed here is there from the start.
 */
const ACTIVE_FROM: Readonly<Record<string, string>> = {
  [RUSSIA]: "2015-09-30",
  [TURKEY]: "2016-08-24",
  [USA]: "2017-01-20",
  "SDF: Syrian Democratic Forces": "2015-10-10",
  "Syrian National Army": "2017-12-30",
  "Hayat Tahrir al-Sham": "2017-01-28",
  "Islamic State (Syria)": "2013-04-08",
  "Islamic State (Iraq)": "2013-04-08",
  "Islamic State (Turkey)": "2013-04-08",
  "Popular Mobilization Forces": "2014-06-13",
};

function activeOn(date: string): (actor: string) => boolean {
  return (actor) => (ACTIVE_FROM[actor] ?? "") <= date;
}

/** The scenario's actors who were in the record on `date`, or undefined when it cannot happen then. */
function castOn(scenario: Scenario, date: string): { actor1: string[]; actor2: string[] } | undefined {
  const actor1 = scenario.actor1.filter(activeOn(date));
  const actor2 = scenario.actor2.filter(activeOn(date));
  if (actor1.length === 0 || (scenario.actor2.length > 0 && actor2.length === 0)) return undefined;
  return { actor1, actor2 };
}

const FIRST_DAY = Date.UTC(2011, 0, 1);
const LAST_DAY = Date.UTC(2020, 11, 31);
const DAY_MS = 86_400_000;
const KM_PER_DEGREE = 111.32;

/** Kilometres a site may lie from its town's point: ACLED's coordinates are the town's, give or take. */
const SITE_JITTER_KM = 1.5;
/** Kilometres a row "near" a town (geo_precision 2) may lie from the site. */
const NEAR_JITTER_KM = 2;

function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

/** The point `km` from `from` towards `bearing` (radians), rounded to ACLED's 4 decimals; flat-earth is close enough at a few km. */
function offset(from: Position, km: number, bearing: number): Position {
  const [lng = 0, lat = 0] = from;
  const dLat = (km * Math.cos(bearing)) / KM_PER_DEGREE;
  const dLng = (km * Math.sin(bearing)) / (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [round4(lng + dLng), round4(lat + dLat)];
}

/** A point up to `km` from `from` in a random direction, inside `country`; `from` itself when tries fail. */
function jittered(random: Random, from: Position, km: number, country: string): Position {
  for (let tries = 0; tries < 8; tries++) {
    const rounded = offset(from, random.next() * km, random.next() * 2 * Math.PI);
    if (isInCountry(rounded, country)) return rounded;
  }
  return from;
}

/** A draw from a geometric distribution with this mean: most events kill no one or few, some many. */
function fatalitiesDraw(random: Random, mean: number): number {
  if (mean === 0) return 0;
  const p = 1 / (1 + mean);
  return Math.floor(Math.log(1 - random.next()) / Math.log(1 - p));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function notesOf(type: EventType, actor1: string, actor2: string, town: Town, date: string, fatalities: number): string {
  const where = town.admin1 ? `${town.name} (${town.admin1})` : town.name;
  const what: Record<EventType, string> = {
    Battles: `clashes between ${actor1} and ${actor2} in ${where}`,
    "Explosions/Remote violence": `${actor1} shelled and struck positions of ${actor2 || "unknown targets"} in ${where}`,
    "Violence against civilians": `${actor1} attacked ${actor2 || "civilians"} in ${where}`,
    Protests: `people demonstrated in ${where}`,
    Riots: `rioters clashed with ${actor2 || "security forces"} in ${where}`,
    "Strategic developments": `${actor1} took over positions from ${actor2 || "other forces"} in ${where}`,
  };
  const toll = fatalities === 0 ? "" : ` ${fatalities} ${fatalities === 1 ? "person was" : "people were"} reported killed.`;
  return `On ${date}, ${what[type]}.${toll}`;
}

/** Towns by country, weighted so big towns come up more but villages do too (ACLED's spread). */
function townChoices(towns: readonly Town[]): Map<string, (readonly [Town, number])[]> {
  const byCountry = new Map<string, (readonly [Town, number])[]>();
  for (const town of towns) {
    const list = byCountry.get(town.country) ?? [];
    list.push([town, Math.pow(town.population + 2000, 0.35)]);
    byCountry.set(town.country, list);
  }
  return byCountry;
}

export interface GenerateOptions {
  events: number;
  seed: number;
  /** Countries to spread the events over (alpha-2, each with a profile); all profiles by default. */
  countries?: readonly string[];
}

/**
 * `events` ACLED-style rows, in date order as ACLED exports them (newest last here), with ids
 * numbered per country. Every point lies in its row's country by Natural Earth 1:10m.
 */
export function* generateAcledRows({ events, seed, countries = Object.keys(PROFILES) }: GenerateOptions): Generator<AcledRow> {
  const random = seededRandom(seed);
  const choices = townChoices(townsOf(countries));
  const countryWeights = countries.map((c) => [c, choices.has(c) ? (PROFILES[c]?.weight ?? 0) : 0] as const);
  const sites = new Map<number, Position>();
  const days = Array.from({ length: events }, () => FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS).sort(
    (a, b) => a - b,
  );
  const counters = new Map<string, number>();
  for (const day of days) {
    const country = random.weighted(countryWeights);
    const profile = PROFILES[country] as CountryProfile;
    const town = random.weighted(choices.get(country) ?? []);
    let site = sites.get(town.geonamesId);
    if (!site) {
      site = jittered(random, town.position, SITE_JITTER_KM, country);
      sites.set(town.geonamesId, site);
    }
    const geoPrecision = random.weighted([
      [1, 70],
      [2, 25],
      [3, 5],
    ] as const);
    const position = geoPrecision === 2 ? jittered(random, site, NEAR_JITTER_KM, country) : site;
    const date = isoDay(day);
    const possible = profile.scenarios.flatMap((s) => {
      const cast = castOn(s, date);
      return cast ? [[{ ...s, ...cast }, s.weight] as const] : [];
    });
    const scenario = random.weighted(possible);
    const actor1 = random.pick(scenario.actor1);
    const others = scenario.actor2.filter((a) => a !== actor1);
    const actor2 = others.length > 0 ? random.pick(others) : "";
    const timePrecision = random.weighted([
      [1, 80],
      [2, 15],
      [3, 5],
    ] as const);
    const fatalities = fatalitiesDraw(random, scenario.fatalities);
    const number = (counters.get(country) ?? 0) + 1;
    counters.set(country, number);
    yield {
      event_id_cnty: `${eventIdPrefix(country)}${number}`,
      event_date: date,
      time_precision: String(timePrecision),
      event_type: scenario.type,
      actor1,
      actor2,
      country: acledCountryName(country),
      admin1: town.admin1,
      location: town.name,
      latitude: String(position[1]),
      longitude: String(position[0]),
      geo_precision: String(geoPrecision),
      source: random.pick(profile.sources),
      notes: notesOf(scenario.type, actor1, actor2, town, date, fatalities),
      fatalities: String(fatalities),
    };
  }
}
