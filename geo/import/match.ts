/**
 * Matching imported names to the data folder's places and actors, and making new ones where
 * nothing matches. A place matches when it has the same name (or alias), lies in the same
 * country and is within `maxKm` of the row's point: ACLED gives the same village several
 * coordinates over the years, and different villages the same name.
 */
import distance from "@turf/distance";
import type { Position } from "geojson";
import type { Actor, PlaceFeature } from "../schema";
import { normalName, slugOf, uniqueId } from "./names";

/** Rows within this distance of a place with their location's name are that place. */
export const SAME_PLACE_KM = 5;

export interface PlaceRequest {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Province name, to tell apart new places of the same name. */
  admin1: string;
  position: Position;
  /** Where the coordinates come from, for a new place. */
  coordinatesSource: string;
}

/** The places known so far, by normalised name and alias; new places are added as they are made. */
export class PlaceIndex {
  private readonly byName = new Map<string, PlaceFeature[]>();
  private readonly ids = new Set<string>();
  /** The places this import made, in the order it made them. */
  readonly created: PlaceFeature[] = [];

  constructor(
    places: readonly PlaceFeature[],
    private readonly maxKm = SAME_PLACE_KM,
  ) {
    for (const place of places) this.add(place);
  }

  private add(place: PlaceFeature): void {
    this.ids.add(place.id);
    for (const name of [place.properties.name, ...place.properties.aliases]) {
      const key = normalName(name);
      const list = this.byName.get(key);
      if (list) list.push(place);
      else this.byName.set(key, [place]);
    }
  }

  /** The nearest place of that name in that country within `maxKm`, if any. */
  find(name: string, country: string, position: Position): PlaceFeature | undefined {
    let best: PlaceFeature | undefined;
    let bestKm = this.maxKm;
    for (const place of this.byName.get(normalName(name)) ?? []) {
      if (place.properties.country !== country) continue;
      const km = distance(position, place.geometry.coordinates, { units: "kilometers" });
      if (km <= bestKm) [best, bestKm] = [place, km];
    }
    return best;
  }

  /** The place a row names: a match, or a new place (a town, its point the row's). */
  placeFor(request: PlaceRequest): PlaceFeature {
    const found = this.find(request.name, request.country, request.position);
    if (found) return found;
    const base = slugOf(request.name) || `place-${request.country.toLowerCase()}`;
    // A second town of the same name is told apart by its province first: "al-bab-aleppo".
    const province = slugOf(request.admin1);
    const id = uniqueId(this.ids.has(base) && province ? `${base}-${province}` : base, this.ids);
    const place: PlaceFeature = {
      type: "Feature",
      id,
      geometry: { type: "Point", coordinates: [request.position[0] ?? 0, request.position[1] ?? 0] },
      properties: {
        name: request.name,
        kind: "city",
        country: request.country,
        aliases: [],
        precision: "approximate",
        coordinatesSource: request.coordinatesSource,
      },
    };
    this.add(place);
    this.created.push(place);
    return place;
  }
}

/**
 * Colours for new actors, after the Okabe-Ito colours the shipped actors use: Paul Tol's
 * "muted" and "dark" qualitative schemes, told apart from each other and on a light map. Past
 * them colours repeat; the two-letter mark still tells actors apart, as it does for colour-blind
 * readers.
 */
export const NEW_ACTOR_COLOURS = [
  "#332288",
  "#88ccee",
  "#44aa99",
  "#117733",
  "#999933",
  "#ddcc77",
  "#cc6677",
  "#882255",
  "#aa4499",
  "#004488",
  "#bb5566",
  "#ddaa33",
  "#666633",
  "#994455",
  "#6699cc",
  "#997700",
] as const;

/** Words an actor's mark skips: ACLED names carry "of", years in brackets and so on. */
const FILLER = new Set(["of", "the", "and", "for", "in", "al"]);

/** Candidate two-letter marks for a name, best first: initials of the first and last words, of the first two, then the first word's letters. */
function markCandidates(name: string): string[] {
  const words = normalName(name)
    .split(" ")
    .filter((w) => /^[a-z]/.test(w) && !FILLER.has(w));
  const letters = (text: string) => text.replace(/[^a-z]/g, "");
  const first = letters(words[0] ?? "");
  const last = letters(words[words.length - 1] ?? "");
  const candidates = [`${first[0] ?? ""}${last[0] ?? ""}`, ...words.slice(1).map((w) => `${first[0] ?? ""}${w[0] ?? ""}`)];
  for (let i = 1; i < first.length; i++) candidates.push(`${first[0]}${first[i]}`);
  return candidates.filter((c) => /^[a-z]{2}$/.test(c)).map((c) => c.toUpperCase());
}

/** A two-letter mark not yet taken: the name's own if it can, else the first free pair of letters. */
export function markFor(name: string, taken: ReadonlySet<string>): string {
  const own = markCandidates(name).find((mark) => !taken.has(mark));
  if (own) return own;
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const mark = String.fromCharCode(a, b);
      if (!taken.has(mark)) return mark;
    }
  }
  // 676 marks are taken: reuse the name's own; its colour and name still tell it apart.
  return markCandidates(name)[0] ?? "XX";
}

/** The actors known so far, by normalised id, name and alias; new actors are added as they are made. */
export class ActorIndex {
  private readonly byName = new Map<string, Actor>();
  private readonly ids = new Set<string>();
  private readonly marks = new Set<string>();
  private readonly colours = new Set<string>();
  /** The actors this import made. */
  readonly created: Actor[] = [];

  constructor(
    actors: readonly Actor[],
    /** Where the names come from, for a new actor's description: "ACLED". */
    private readonly dataset: string,
  ) {
    for (const actor of actors) this.add(actor);
  }

  private add(actor: Actor): void {
    this.ids.add(actor.id);
    this.marks.add(actor.abbreviation);
    this.colours.add(actor.color);
    for (const name of [actor.id, actor.name, ...(actor.aliases ?? [])]) {
      const key = normalName(name);
      if (!this.byName.has(key)) this.byName.set(key, actor);
    }
  }

  find(name: string): Actor | undefined {
    return this.byName.get(normalName(name));
  }

  /** The actor a row names: a match by id, name or alias, or a new actor with its own mark and colour. */
  actorFor(name: string): Actor {
    const found = this.find(name);
    if (found) return found;
    const id = uniqueId(slugOf(name) || "actor", this.ids);
    const color = NEW_ACTOR_COLOURS.find((c) => !this.colours.has(c)) ?? NEW_ACTOR_COLOURS[this.created.length % NEW_ACTOR_COLOURS.length]!;
    const actor: Actor = {
      id,
      name,
      abbreviation: markFor(name, this.marks),
      color,
      description: `${name}, as ${this.dataset} names this actor.`,
    };
    this.add(actor);
    this.created.push(actor);
    return actor;
  }
}
