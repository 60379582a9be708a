/**
 * ACLED's export format, as far as Dateline reads and writes it: the column names, the country
 * names ACLED uses, and what its event types mean for the actors' roles. (ACLED's data itself is
 * licensed and never shipped: the tests use generated rows in this format.)
 */
import countries from "i18n-iso-countries";
import type { ActorRole } from "../schema";

/** The columns an import needs, in the order the generator writes them. */
export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "time_precision",
  "event_type",
  "actor1",
  "actor2",
  "country",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "notes",
  "fatalities",
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string>;

/** Columns that may be empty in a row (a protest has no second actor; notes are often blank). */
export const OPTIONAL_COLUMNS: ReadonlySet<AcledColumn> = new Set(["actor2", "admin1", "notes", "fatalities", "source", "geo_precision"]);

/** ACLED's event types (2019 codebook). */
export const EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** The parts ACLED's first and second actor play in each type of event. */
export const EVENT_TYPE_ROLES: Readonly<Record<EventType, readonly [ActorRole, ActorRole]>> = {
  Battles: ["belligerent", "belligerent"],
  "Explosions/Remote violence": ["attacker", "target"],
  "Violence against civilians": ["attacker", "target"],
  Protests: ["speaker", "opponent"],
  Riots: ["belligerent", "target"],
  "Strategic developments": ["belligerent", "opponent"],
};

/** ACLED country names that i18n-iso-countries does not know by that name. */
const ACLED_COUNTRY_NAMES: Readonly<Record<string, string>> = {
  Syria: "SY",
  Turkey: "TR",
  Iran: "IR",
  Palestine: "PS",
  "Democratic Republic of Congo": "CD",
  "Republic of Congo": "CG",
  "Ivory Coast": "CI",
  eSwatini: "SZ",
  Russia: "RU",
  "South Korea": "KR",
  "North Korea": "KP",
};

/** The ISO 3166-1 alpha-2 code of a country as ACLED names it, or undefined. */
export function countryCodeOf(name: string): string | undefined {
  return ACLED_COUNTRY_NAMES[name] ?? countries.getAlpha2Code(name, "en");
}

/** The name ACLED gives a country, for the generator. */
export function acledCountryName(alpha2: string): string {
  const known = Object.entries(ACLED_COUNTRY_NAMES).find(([, code]) => code === alpha2);
  return known?.[0] ?? countries.getName(alpha2, "en") ?? alpha2;
}

/** ACLED's event ids start with the country's ISO 3166-1 alpha-3 code: "SYR1234". */
export function eventIdPrefix(alpha2: string): string {
  return countries.alpha2ToAlpha3(alpha2) ?? alpha2;
}
