/**
 * Place mentions: every span of an article that names a place, with ranked candidates. The
 * project's own places (name and aliases) come first, then the gazetteer. A careful editor's
 * ranking: a known place, then size (population, a capital, a large airport), then the story's
 * own country and nearness to its other places.
 */
import { distance } from "fastest-levenshtein";
import type { PlaceFeature } from "../schema";
import { usesSkeleton, type Gazetteer } from "./gazetteer";
import type { GazetteerEntry } from "./gazetteer-data";
import { AIRFIELD_SUFFIX, nameKey, skeleton } from "./names";
import { isCapitalized, joined, type Token } from "./text";
import type { PlaceCandidate, PlaceMention } from "./types";

/** How many candidates a mention offers the editor. */
export const MAX_CANDIDATES = 5;

/** Lower-case words that may sit inside a name ("Ain al-Asad", "Latakia province", "Bay of Pigs"). */
const CONNECTORS = new Set("al el ad ar as az an ash at de del la le of the upon bin ibn ez es ed on sur am im y".split(" "));
/** Lower-case words that end a name: what kind of place it is. */
const GENERIC = new Set(
  "province governorate region state oblast prefecture airport international air base airbase airfield field military force station".split(
    " ",
  ),
);
/** Capitalised words after a name that still leave it a place ("Damascus International Airport" is matched whole). */
const PLACE_FOLLOWERS = new Set("province governorate region city airport air airbase base countryside district".split(" "));
/** Capitalised words before a name that do not make it part of a longer name ("In Aleppo", "Northern Syria"). */
const FREE_BEFORE = new Set(
  "in at on from to near outside inside into across around and but the while after before when as since of northern southern eastern western central north south east west greater northeastern northwestern southeastern southwestern rural downtown earlier later meanwhile both".split(
    " ",
  ),
);
/** Words before a name that expect a place. */
const PLACE_PREPOSITIONS = new Set("in at near from to outside into across around toward towards of via over inside".split(" "));
/** Capitalised words that are never a place here, whatever a gazetteer says. */
const NEVER_PLACES = new Set(
  (
    "january february march april may june july august september october november december monday tuesday wednesday thursday friday " +
    "saturday sunday president general minister king prince sheikh imam pope god allah islam islamic muslim muslims christian christians " +
    "shiite shia sunni kurd kurds kurdish arab arabs jewish jews media army navy police mr mrs ms dr sir lord lady earlier later " +
    "meanwhile however the this that these those he she it they we i you his her their our a an officials official sources " +
    // Armed groups and institutions that share a name with some village.
    "taliban hamas hezbollah houthi houthis isis daesh nato un kremlin pentagon congress parliament"
  ).split(" "),
);

export interface FoundMention extends PlaceMention {
  /** Each candidate's score (a known place 1000 and more; a gazetteer entry its size and fit to the story). */
  scores: number[];
}

interface Option {
  candidate: PlaceCandidate;
  /** Before the story's context is taken into account. */
  base: number;
  /** Matched by consonant skeleton or a known place's short name: a guess, not a name. */
  weak: boolean;
}

interface KnownIndex {
  byKey: Map<string, { place: PlaceFeature; strong: boolean }[]>;
  maxWords: number;
}

const knownIndexes = new WeakMap<readonly PlaceFeature[], KnownIndex>();

/**
 * The project's places by name and alias, and an airfield also by its short name with any
 * airfield word ("Khmeimim", "Khmeimim airbase" for Khmeimim Air Base). A short name that is a
 * city's name elsewhere ("Erbil" for Erbil Air Base) only makes it a lower candidate.
 */
function knownIndex(places: readonly PlaceFeature[], gazetteer: Gazetteer): KnownIndex {
  const existing = knownIndexes.get(places);
  if (existing) return existing;
  const byKey = new Map<string, { place: PlaceFeature; strong: boolean }[]>();
  let maxWords = 1;
  const add = (name: string, place: PlaceFeature, strong: boolean) => {
    const key = nameKey(name);
    if (!key) return;
    const list = byKey.get(key) ?? [];
    if (!list.some((e) => e.place.id === place.id)) list.push({ place, strong });
    byKey.set(key, list);
    maxWords = Math.max(maxWords, key.split(" ").length);
  };
  for (const place of places) {
    const names = [place.properties.name, ...place.properties.aliases];
    for (const name of names) add(name, place, true);
    if (place.properties.kind !== "air-base" && place.properties.kind !== "airport") continue;
    for (const name of names) {
      const core = name.replace(AIRFIELD_SUFFIX, "");
      if (core === name) continue;
      for (const generic of ["air base", "airbase", "airport", "airfield", "base"]) add(`${core} ${generic}`, place, true);
      const isCity = (gazetteer.byKey.get(nameKey(core)) ?? []).some((i) => gazetteer.entries[i]?.kind !== "airport");
      add(core, place, place.properties.kind === "air-base" && !isCity);
    }
  }
  const index = { byKey, maxWords };
  knownIndexes.set(places, index);
  return index;
}

/** Great-circle distance in km between two [lng, lat] points. */
export function haversineKm([lng1, lat1]: readonly number[], [lng2, lat2]: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = ((lat2 ?? 0) - (lat1 ?? 0)) * rad;
  const dLng = ((lng2 ?? 0) - (lng1 ?? 0)) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos((lat1 ?? 0) * rad) * Math.cos((lat2 ?? 0) * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

function knownCandidate(place: PlaceFeature): PlaceCandidate {
  const [lng = 0, lat = 0] = place.geometry.coordinates;
  return {
    placeId: place.id,
    name: place.properties.name,
    kind: place.properties.kind,
    country: place.properties.country,
    coordinates: [lng, lat],
  };
}

function gazetteerCandidate(entry: GazetteerEntry): PlaceCandidate {
  return { placeId: null, name: entry.name, kind: entry.kind, country: entry.country, coordinates: entry.point };
}

/** How a gazetteer entry ranks on its own: a country over a province over a city of its size. */
function entryScore(entry: GazetteerEntry): number {
  switch (entry.kind) {
    case "country":
      return 40;
    case "province":
      return 5;
    case "city":
      return Math.log10(entry.population + 1) + (entry.major ? 1.5 : 0);
    default:
      return 4 + (entry.major ? 1 : 0);
  }
}

/**
 * The known place a gazetteer entry stands for: the same country; the same airfield (within 3 km);
 * a city or province of the same name within 30 km (Damascus, not Clinton, Maryland, near Washington).
 */
function knownTwin(entry: GazetteerEntry, places: readonly PlaceFeature[], key: string): PlaceFeature | undefined {
  return places.find((place) => {
    const { kind, country, name, aliases } = place.properties;
    if (entry.kind === "country" || kind === "country") return entry.kind === kind && country === entry.country;
    const airfield = (k: string) => k === "airport" || k === "air-base";
    const distance = haversineKm(place.geometry.coordinates, entry.point);
    if (airfield(entry.kind) || airfield(kind)) return airfield(entry.kind) && airfield(kind) && distance < 3;
    const sameName = [name, ...aliases].some((n) => nameKey(n) === key);
    return (entry.kind === "city") === (kind === "city") && sameName && distance < 30;
  });
}

/** The options for one key: known places, then gazetteer entries (those of a known place merged into it). */
function optionsFor(key: string, places: readonly PlaceFeature[], known: KnownIndex, gazetteer: Gazetteer, loose: boolean): Option[] {
  const options = new Map<string, Option>();
  const put = (id: string, option: Option) => {
    const existing = options.get(id);
    if (!existing || existing.base < option.base) options.set(id, option);
  };
  for (const { place, strong } of known.byKey.get(key) ?? []) {
    put(`known:${place.id}`, { candidate: knownCandidate(place), base: strong ? 1000 : 3, weak: !strong });
  }
  const fromGazetteer = (indexes: readonly number[], weak: boolean) => {
    for (const index of indexes) {
      const entry = gazetteer.entries[index];
      if (!entry) continue;
      const twin = knownTwin(entry, places, key);
      if (twin) put(`known:${twin.id}`, { candidate: knownCandidate(twin), base: weak ? 500 : 1000, weak });
      else put(`gaz:${index}`, { candidate: gazetteerCandidate(entry), base: entryScore(entry) - (weak ? 2 : 0), weak });
    }
  };
  fromGazetteer(gazetteer.byKey.get(key) ?? [], false);
  if (options.size === 0 && loose && usesSkeleton(key)) {
    // A spelling variant differs in a vowel or two ("Saraqeb", "Saraqib"), not in its letters' order.
    const close = (gazetteer.bySkeleton.get(skeleton(key)) ?? []).filter((i) => {
      const entry = gazetteer.entries[i];
      return (
        entry !== undefined && [entry.name, ...(entry.variants ?? [])].some((n) => distance(nameKey(n), key) <= (key.length >= 5 ? 2 : 1))
      );
    });
    fromGazetteer(close, true);
  }
  return dedupe([...options.values()]);
}

/** One option per place: Natural Earth files some units twice, GeoNames some cities as two points. */
function dedupe(options: Option[]): Option[] {
  const kept: Option[] = [];
  for (const option of [...options].sort((a, b) => b.base - a.base)) {
    const { name, kind, country, coordinates } = option.candidate;
    const twin = kept.some(
      (k) =>
        k.candidate.name === name &&
        k.candidate.kind === kind &&
        k.candidate.country === country &&
        (kind === "province" || haversineKm(k.candidate.coordinates, coordinates) < 50),
    );
    if (!twin) kept.push(option);
  }
  return kept;
}

interface Match {
  first: number;
  last: number;
  options: Option[];
}

function nameWordOk(token: Token, index: number): boolean {
  if (index === 0) return isCapitalized(token.text);
  const lower = token.text.toLowerCase();
  return isCapitalized(token.text) || CONNECTORS.has(lower) || GENERIC.has(lower) || /^(al|el|ad|ar|as|az|an|ash|at|ez|es|ed)-/.test(lower);
}

/** The longest name starting at token `first`, if any. */
function longestMatch(
  text: string,
  tokens: readonly Token[],
  first: number,
  places: readonly PlaceFeature[],
  known: KnownIndex,
  gazetteer: Gazetteer,
): Match | undefined {
  const start = tokens[first];
  if (!start || !isCapitalized(start.text) || /^\p{N}/u.test(start.text)) return undefined;
  const maxWords = Math.max(known.maxWords, gazetteer.maxWords);
  let last = first;
  while (last + 1 < tokens.length && last - first + 1 < maxWords && joined(text, tokens[last]!, tokens[last + 1]!)) last++;
  for (let end = last; end >= first; end--) {
    const words = tokens.slice(first, end + 1);
    if (!words.every((token, i) => nameWordOk(token, i))) continue;
    const lastWord = words[words.length - 1]!.text.toLowerCase();
    if (words.length > 1 && CONNECTORS.has(lastWord)) continue;
    const key = nameKey(text.slice(start.start, words[words.length - 1]!.end));
    const options = optionsFor(key, places, known, gazetteer, end - first < 3);
    if (options.length > 0) return { first, last: end, options };
  }
  return undefined;
}

/**
 * Whether a match is only part of a longer capitalised name that is not a place: "Vladimir Putin"
 * (Vladimir is a city), "Tehran Times", "Washington Post", "Qatar Airways" (but "US President": a
 * title is no name). A country or a known place (trusted) may follow another capitalised word
 * ("UN Syria envoy").
 */
function insideLongerName(text: string, tokens: readonly Token[], match: Match, trusted: boolean): boolean {
  const next = tokens[match.last + 1];
  const previous = tokens[match.first - 1];
  const lastToken = tokens[match.last]!;
  const nameLike = (word: string) => isCapitalized(word) || /^(al|el|an|ar|as|ad|az|ash)-\p{Lu}/u.test(word);
  if (
    next &&
    joined(text, lastToken, next) &&
    nameLike(next.text) &&
    !PLACE_FOLLOWERS.has(next.text.toLowerCase()) &&
    !NEVER_PLACES.has(next.text.toLowerCase())
  ) {
    return true;
  }
  if (trusted) return false;
  const first = tokens[match.first]!;
  return (
    previous !== undefined &&
    joined(text, previous, first) &&
    isCapitalized(previous.text) &&
    !previous.titleCase &&
    !FREE_BEFORE.has(previous.text.toLowerCase())
  );
}

/** Words that follow a subject: "Homs was", "Mobile said". */
const VERBS_AFTER_SUBJECT = new Set("is was were are has had have will would could said says remains remained".split(" "));

function beforeVerb(text: string, tokens: readonly Token[], last: number): boolean {
  const token = tokens[last]!;
  const next = tokens[last + 1];
  if (token.possessive || /^\s*,/.test(text.slice(token.end))) return true;
  return next !== undefined && next.sentence === token.sentence && VERBS_AFTER_SUBJECT.has(next.text.toLowerCase());
}

function afterPreposition(tokens: readonly Token[], first: number): boolean {
  const previous = tokens[first - 1];
  return previous !== undefined && previous.sentence === tokens[first]?.sentence && PLACE_PREPOSITIONS.has(previous.text.toLowerCase());
}

interface Context {
  countries: Map<string, number>;
  points: [number, number][];
}

/** How well an option fits the story: its country among the story's, its distance to the story's places. */
function contextScore(option: Option, context: Context, self: PlaceCandidate | undefined): number {
  if (option.base >= 500) return 0;
  const countryWeight = context.countries.get(option.candidate.country) ?? 0;
  const selfWeight = self && self.country === option.candidate.country ? 1 : 0;
  let score = countryWeight - selfWeight > 0 ? 2.5 : 0;
  let nearest = Infinity;
  for (const point of context.points) {
    if (self && point[0] === self.coordinates[0] && point[1] === self.coordinates[1]) continue;
    nearest = Math.min(nearest, haversineKm(point, option.candidate.coordinates));
  }
  if (nearest < 300) score += 2;
  else if (nearest < 1000) score += 1;
  return score;
}

function storyContext(matches: readonly { options: Option[] }[]): Context {
  const countries = new Map<string, number>();
  const points: [number, number][] = [];
  for (const match of matches) {
    const best = [...match.options].sort((a, b) => b.base - a.base)[0];
    if (!best || best.weak) continue;
    countries.set(best.candidate.country, (countries.get(best.candidate.country) ?? 0) + 1);
    if (best.candidate.kind !== "country") points.push(best.candidate.coordinates);
  }
  // One point per place: an article names the same few places again and again.
  const unique = new Map(points.map((p) => [p.join(","), p]));
  return { countries, points: [...unique.values()] };
}

export interface MentionOptions {
  places: readonly PlaceFeature[];
  gazetteer: Gazetteer;
  /** Folded names that are people or bodies, never places (actors' aliases: "Putin", "Assad"). */
  notPlaces: ReadonlySet<string>;
}

/**
 * Every place mention in the text, in order, each with up to MAX_CANDIDATES ranked candidates.
 */
export function findMentions(text: string, tokens: readonly Token[], { places, gazetteer, notPlaces }: MentionOptions): FoundMention[] {
  const known = knownIndex(places, gazetteer);
  const matches: (Match & { common: boolean; sentenceStart: boolean })[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const lower = token.text.toLowerCase();
    if (NEVER_PLACES.has(lower) && !known.byKey.has(lower)) continue;
    const match = longestMatch(text, tokens, i, places, known, gazetteer);
    if (!match) continue;
    const key = nameKey(text.slice(token.start, tokens[match.last]!.end));
    const isKnown = match.options.some((o) => o.base >= 500);
    const isCountry = match.options.some((o) => o.candidate.kind === "country" && !o.weak);
    // An actor's alias is no place ("Putin", "Assad"), unless it is a large city too ("Moscow quit the deal").
    const bigCity = match.options.some((o) => !o.weak && o.candidate.kind === "city" && o.base >= 5);
    if (notPlaces.has(key) && !isKnown && !isCountry && !bigCity) continue;
    if (insideLongerName(text, tokens, match, isKnown || isCountry)) continue;
    const entryIsCommon = match.options.every((o) => o.base < 500 && o.candidate.kind !== "country") && isCommon(match, gazetteer);
    if (entryIsCommon && !afterPreposition(tokens, i) && (token.sentenceStart || match.options.every((o) => o.base < Math.log10(50000)))) {
      // "Most", "Nice" or "Mobile" opening a sentence: kept only before a verb ("Homs was shelled")
      // and if the story's context says so (below); "Nice weather" and "Most visitors" are words.
      if (!token.sentenceStart || !beforeVerb(text, tokens, match.last)) continue;
      matches.push({ ...match, common: true, sentenceStart: true });
    } else matches.push({ ...match, common: false, sentenceStart: token.sentenceStart });
    i = match.last;
  }
  const context = storyContext(matches.filter((m) => !m.common));
  const mentions: FoundMention[] = [];
  for (const match of matches) {
    const self = [...match.options].sort((a, b) => b.base - a.base)[0]?.candidate;
    const ranked = match.options
      .map((option) => ({ option, score: option.base + contextScore(option, context, self) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_CANDIDATES);
    const top = ranked[0];
    if (!top) continue;
    // A common word opening a sentence is a place only in a story already about that country.
    if (match.common && !context.countries.has(top.option.candidate.country)) continue;
    const start = tokens[match.first]!.start;
    const end = tokens[match.last]!.end;
    mentions.push({
      text: text.slice(start, end),
      start,
      end,
      candidates: ranked.map((r) => r.option.candidate),
      scores: ranked.map((r) => r.score),
    });
  }
  return mentions;
}

/** Whether the match is a gazetteer name that is also an English word. */
function isCommon(match: Match, gazetteer: Gazetteer): boolean {
  return match.options.some((o) => {
    const entries = gazetteer.byKey.get(nameKey(o.candidate.name)) ?? [];
    return entries.some((i) => gazetteer.entries[i]?.common);
  });
}
