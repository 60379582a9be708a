/**
 * Actors in an article: the registry's (actors.json) by name and alias ("the Kremlin", "Putin",
 * "Iranian"), and countries the registry lacks by name or demonym ("Turkish troops": an unknown
 * actor named Turkey). A place mention after "in", "to", "of" or "at" is a place there, not an actor.
 */
import type { Actor } from "../schema";
import { nameKey } from "./names";
import { isCapitalized, joined, type Span, type Token } from "./text";

/** Demonyms news copy uses, by ISO country: evidence of an actor, never a place mention. */
export const DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  AF: ["Afghan", "Afghans"],
  AM: ["Armenian", "Armenians"],
  AZ: ["Azerbaijani", "Azeri"],
  BH: ["Bahraini"],
  BY: ["Belarusian"],
  CN: ["Chinese"],
  CY: ["Cypriot"],
  EG: ["Egyptian", "Egyptians"],
  FR: ["French"],
  DE: ["German", "Germans"],
  GB: ["British"],
  GE: ["Georgian"],
  IL: ["Israeli", "Israelis"],
  IN: ["Indian"],
  IQ: ["Iraqi", "Iraqis"],
  IR: ["Iranian", "Iranians"],
  JO: ["Jordanian"],
  JP: ["Japanese"],
  KP: ["North Korean"],
  KR: ["South Korean"],
  KW: ["Kuwaiti"],
  LB: ["Lebanese"],
  LY: ["Libyan", "Libyans"],
  OM: ["Omani"],
  PK: ["Pakistani"],
  PS: ["Palestinian", "Palestinians"],
  QA: ["Qatari"],
  RU: ["Russian", "Russians"],
  SA: ["Saudi", "Saudis"],
  SD: ["Sudanese"],
  SY: ["Syrian", "Syrians"],
  TR: ["Turkish", "Turks"],
  UA: ["Ukrainian", "Ukrainians"],
  AE: ["Emirati"],
  US: ["American", "Americans"],
  YE: ["Yemeni", "Yemenis"],
  IT: ["Italian"],
  ES: ["Spanish"],
  PL: ["Polish"],
};

/** Country names for the demonyms' unknown actors ("Turkish" with no registry actor is "Turkey"). */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AF: "Afghanistan",
  AM: "Armenia",
  AZ: "Azerbaijan",
  BH: "Bahrain",
  BY: "Belarus",
  CN: "China",
  CY: "Cyprus",
  EG: "Egypt",
  FR: "France",
  DE: "Germany",
  GB: "United Kingdom",
  GE: "Georgia",
  IL: "Israel",
  IN: "India",
  IQ: "Iraq",
  IR: "Iran",
  JO: "Jordan",
  JP: "Japan",
  KP: "North Korea",
  KR: "South Korea",
  KW: "Kuwait",
  LB: "Lebanon",
  LY: "Libya",
  OM: "Oman",
  PK: "Pakistan",
  PS: "Palestine",
  QA: "Qatar",
  RU: "Russia",
  SA: "Saudi Arabia",
  SD: "Sudan",
  SY: "Syria",
  TR: "Turkey",
  UA: "Ukraine",
  AE: "United Arab Emirates",
  US: "United States",
  YE: "Yemen",
  IT: "Italy",
  ES: "Spain",
  PL: "Poland",
};

const DEMONYM_KEYS = new Set(Object.values(DEMONYMS).flat().map(nameKey));

/** Words after which a country's name is where something happens, not who does it. */
const PLACE_WORDS = new Set([
  "in",
  "to",
  "at",
  "into",
  "inside",
  "near",
  "across",
  "from",
  "toward",
  "towards",
  "throughout",
  "over",
  "of",
]);

export interface ActorMention {
  /** The registry's id, or null for an actor it lacks. */
  actor: string | null;
  /** How the registry names it, or the country's name. */
  name: string;
  start: number;
  end: number;
}

interface AliasEntry {
  actor: string | null;
  name: string;
  /** Capitalised aliases only match capitalised words ("US" is not "us"). */
  caseSensitive: boolean;
  text: string;
}

interface ActorIndex {
  byKey: Map<string, AliasEntry[]>;
  maxWords: number;
}

const indexes = new WeakMap<readonly Actor[], ActorIndex>();

function actorIndex(actors: readonly Actor[]): ActorIndex {
  const existing = indexes.get(actors);
  if (existing) return existing;
  const byKey = new Map<string, AliasEntry[]>();
  let maxWords = 1;
  const add = (text: string, actor: string | null, name: string) => {
    const key = nameKey(text.replace(/^the\s+/i, ""));
    if (!key) return;
    const list = byKey.get(key) ?? [];
    // A registry actor's alias wins over a demonym's unknown actor for the same word.
    if (actor === null && list.length > 0) return;
    byKey.set(key, [...list.filter((e) => e.actor !== null || actor === null), { actor, name, caseSensitive: isCapitalized(text), text }]);
    maxWords = Math.max(maxWords, key.split(" ").length);
  };
  for (const actor of actors) for (const alias of [actor.name, ...(actor.aliases ?? [])]) add(alias, actor.id, actor.name);
  for (const [code, demonyms] of Object.entries(DEMONYMS)) {
    const country = COUNTRY_NAMES[code] ?? code;
    for (const word of [country, ...demonyms]) add(word, null, country);
  }
  const index = { byKey, maxWords };
  indexes.set(actors, index);
  return index;
}

/** Every folded name that is an actor's alias or a demonym: never a place mention on its own. */
export function actorNames(actors: readonly Actor[]): Set<string> {
  return new Set(actorIndex(actors).byKey.keys());
}

/** Every actor named in the text, longest alias first ("Syrian rebels" is the rebels, not Syria). */
export function findActors(text: string, tokens: readonly Token[], actors: readonly Actor[], places: readonly Span[] = []): ActorMention[] {
  const { byKey, maxWords } = actorIndex(actors);
  const found: ActorMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let matched: { entry: AliasEntry; last: number } | undefined;
    for (let last = Math.min(tokens.length - 1, i + maxWords - 1); last >= i && !matched; last--) {
      if (last > i && !joined(text, tokens[last - 1]!, tokens[last]!)) continue;
      const span = text.slice(tokens[i]!.start, tokens[last]!.end);
      const entry = (byKey.get(nameKey(span)) ?? []).find((e) => !e.caseSensitive || isCapitalized(span));
      if (entry) matched = { entry, last };
    }
    if (!matched) continue;
    const { entry, last } = matched;
    const previous = tokens[i - 1];
    const start = tokens[i]!.start;
    const end = tokens[last]!.end;
    const isPlace =
      places.some((p) => p.start === start && p.end === end) && previous !== undefined && PLACE_WORDS.has(previous.text.toLowerCase());
    // A country's name before a capitalised name is a person's ("Jordan Henderson").
    const next = tokens[last + 1];
    const isPerson =
      entry.actor === null &&
      !DEMONYM_KEYS.has(nameKey(entry.text)) &&
      next !== undefined &&
      joined(text, tokens[last]!, next) &&
      isCapitalized(next.text);
    if (!isPlace && !isPerson) found.push({ actor: entry.actor, name: entry.name, start, end });
    i = last;
  }
  return found;
}
