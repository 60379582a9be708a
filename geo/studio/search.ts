/**
 * The studio's place search: the data folder's own places by name and alias, as draft candidates
 * (geo/draft/types.ts), best match first. Where the draft engine's gazetteer is present, the
 * route adds its matches after these.
 */
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
