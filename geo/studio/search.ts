/**
 * The studio's place search: the data folder's own places by name and alias, as draft candidates
 * (geo/draft/types.ts), best match first; then the draft engine's gazetteer (GeoNames cities,
 * OurAirports airfields, Natural Earth countries and provinces), built at build time.
 */
import type { GazetteerEntry } from "../draft/gazetteer-data";
import type { PlaceCandidate } from "../draft/types";
import type { PlaceFeature } from "../schema";

/** A known place as a draft candidate. */
export function candidateOf(place: PlaceFeature): PlaceCandidate {
  const [lng, lat] = place.geometry.coordinates;
  return {
    placeId: place.id,
    name: place.properties.name,
    kind: place.properties.kind,
    country: place.properties.country,
    coordinates: [lng, lat],
  };
}

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();

/**
 * How well `query` matches a place: 0 for its name or an alias exactly, 1 for a prefix, 2 for a
 * word inside; undefined for no match. Case and accents are ignored ("hmeimim" finds Khmeimim's alias).
 */
export function matchRank(query: string, place: PlaceFeature): number | undefined {
  const q = fold(query);
  if (!q) return undefined;
  const names = [place.properties.name, ...place.properties.aliases, place.id].map(fold);
  if (names.includes(q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.includes(q))) return 2;
  return undefined;
}

/** The known places matching `query`, best first, at most `limit`. */
export function searchKnownPlaces(places: readonly PlaceFeature[], query: string, limit = 10): PlaceCandidate[] {
  return places
    .flatMap((place) => {
      const rank = matchRank(query, place);
      return rank === undefined ? [] : [{ rank, place }];
    })
    .sort((a, b) => a.rank - b.rank || a.place.properties.name.localeCompare(b.place.properties.name))
    .slice(0, limit)
    .map(({ place }) => candidateOf(place));
}

/** The part of the engine's gazetteer (geo/draft/gazetteer.ts) that a search reads. */
export interface SearchableGazetteer {
  entries: readonly GazetteerEntry[];
}

const folded = new WeakMap<SearchableGazetteer, string[][]>();

/** Each entry's folded names, computed once per gazetteer: a search then compares strings only. */
function keysOf(gazetteer: SearchableGazetteer, nameKey: (name: string) => string): string[][] {
  let keys = folded.get(gazetteer);
  if (!keys) {
    keys = gazetteer.entries.map((entry) => [entry.name, ...(entry.variants ?? [])].map(nameKey));
    folded.set(gazetteer, keys);
  }
  return keys;
}

/**
 * Gazetteer entries whose name or a variant matches `query` (exactly first, then as a prefix),
 * the capitals, large airports and most populous first: what an editor looks for when the
 * proposal was wrong or missing. `nameKey` folds names as the engine does.
 */
export function searchGazetteer(
  gazetteer: SearchableGazetteer,
  query: string,
  nameKey: (name: string) => string,
  limit = 10,
): PlaceCandidate[] {
  const q = nameKey(query);
  if (!q) return [];
  const hits: { rank: number; entry: GazetteerEntry }[] = [];
  const allKeys = keysOf(gazetteer, nameKey);
  for (const [i, entry] of gazetteer.entries.entries()) {
    const keys = allKeys[i] ?? [];
    const rank = keys.includes(q) ? 0 : keys.some((k) => k.startsWith(q)) ? 1 : undefined;
    if (rank !== undefined) hits.push({ rank, entry });
  }
  return hits
    .sort(
      (a, b) =>
        a.rank - b.rank || Number(b.entry.major ?? false) - Number(a.entry.major ?? false) || b.entry.population - a.entry.population,
    )
    .slice(0, limit)
    .map(({ entry }) => ({ placeId: null, name: entry.name, kind: entry.kind, country: entry.country, coordinates: entry.point }));
}

/**
 * Known places first, then gazetteer entries that are not one of them (same name and country),
 * at most `limit` in all.
 */
export function mergeCandidates(known: readonly PlaceCandidate[], gazetteer: readonly PlaceCandidate[], limit = 12): PlaceCandidate[] {
  const seen = new Set(known.map((c) => `${c.name.toLowerCase()}|${c.country}`));
  return [...known, ...gazetteer.filter((c) => !seen.has(`${c.name.toLowerCase()}|${c.country}`))].slice(0, limit);
}
