/**
 * The studio's working copy of a story under review: the article, the engine's proposals (see
 * geo/draft/types.ts) as the editor accepts, changes or rejects them, and the places and actors the
 * editor adds. Plain JSON, so that it is kept in localStorage as it is and sent to the server to
 * validate and save. geo/studio/edit.ts changes it; geo/studio/files.ts turns it into data files.
 */
import type { Draft, PlaceCandidate } from "../draft/types";
import type { Actor, PlaceFeature, PlaceRole, Provenance } from "../schema";

/** Where a proposal stands: not looked at yet, confirmed (with the editor's changes), or thrown out. */
export type ReviewStatus = "proposed" | "accepted" | "rejected";

/** The article's metadata, as story.json holds it. */
export interface StoryMeta {
  id: string;
  title: string;
  dateline: string;
  source: string;
  /** How the copy reached the newsroom, shown under the article; optional. */
  sourceNote?: string;
  text: string;
  frontPage: boolean;
}

/** A place mention: its span of the text and the place it is resolved to. */
export interface MentionReview {
  key: string;
  start: number;
  end: number;
  text: string;
  candidates: PlaceCandidate[];
  /** The chosen place: a known place's id or the id of one of the draft's `newPlaces`; null until chosen. */
  placeId: string | null;
  status: ReviewStatus;
}

/** An actor of an event: a registry id (or a new actor's), or null while the editor has not matched the name. */
export interface ActorLink {
  actor: string | null;
  name: string;
  role: string;
}

/**
 * A place of an event: through a mention of the text (the article names it), or directly by id (a
 * place the article only implies: its provenance must then be context, with a citation).
 */
export interface PlaceLink {
  mention: string | null;
  place: string | null;
  role: PlaceRole;
  provenance: Provenance;
}

export interface EventReview {
  key: string;
  status: ReviewStatus;
  id: string;
  title: string;
  summary: string;
  quote: { start: number; end: number };
  /** A contract date, or "" while the editor has not given one. */
  date: string;
  /** Where the date comes from when the article does not say it (context, with a citation); null: the article. */
  dateProvenance: Provenance | null;
  actors: ActorLink[];
  places: PlaceLink[];
  provenance: Provenance;
}

export interface StoryReview {
  /** Keys the draft in localStorage until it is saved. */
  draftId: string;
  meta: StoryMeta;
  mentions: MentionReview[];
  events: EventReview[];
  /** Places the editor took from the gazetteer or pinned on the map: saved into places.geojson. */
  newPlaces: PlaceFeature[];
  /** Actors the editor added: saved into actors.json. */
  newActors: Actor[];
  /** Whether saving may replace a story with the same id. */
  overwrite: boolean;
}

/** The article's own provenance. */
export const ARTICLE: Provenance = { kind: "article" };

/** Lowercase slug of a text, for ids: "Putin meets Assad!" -> "putin-meets-assad". */
export function slugify(text: string, maxLength = 48): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/, "");
}

/** `base`, or `base-2`, `base-3`... : the first that `taken` does not hold. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || "item";
  if (!taken.has(root)) return root;
  for (let n = 2; ; n += 1) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}

/**
 * A first title for an event: the quote's opening words, cut at a word under 60 characters. The
 * editor rewrites it; it only has to be a readable start.
 * @example titleFromQuote("Russian President Vladimir Putin made a rare visit to Syria on Tuesday") === "Russian President Vladimir Putin made a rare visit to Syria"
 */
export function titleFromQuote(quote: string, maxLength = 60): string {
  const clean = quote
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.,;:]+$/, "");
  if (clean.length <= maxLength) return clean;
  const cut = clean.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return (space > 20 ? cut.slice(0, space) : cut).replace(/[.,;:]+$/, "");
}

/**
 * The review of a fresh draft: every proposal "proposed", each mention on its first candidate when
 * that is a known place, each event with a first title and id from its quote. `knownPlaceIds` and
 * `knownEventIds` are the data folder's, so that new ids do not collide with them.
 */
export function reviewFromDraft(
  draftId: string,
  meta: StoryMeta,
  draft: Draft,
  knownEventIds: ReadonlySet<string> = new Set(),
): StoryReview {
  const mentions: MentionReview[] = draft.mentions.map((mention, index) => ({
    key: `m${index}`,
    start: mention.start,
    end: mention.end,
    text: mention.text,
    candidates: mention.candidates,
    placeId: mention.candidates[0]?.placeId ?? null,
    status: "proposed",
  }));
  const taken = new Set(knownEventIds);
  const events: EventReview[] = draft.events.map((event, index) => {
    const quote = meta.text.slice(event.quote.start, event.quote.end);
    const title = titleFromQuote(quote);
    const id = uniqueId(slugify(title), taken);
    taken.add(id);
    return {
      key: `e${index}`,
      status: "proposed",
      id,
      title,
      summary: quote.replace(/\s+/g, " ").trim(),
      quote: { ...event.quote },
      date: event.date ?? "",
      dateProvenance: null,
      actors: event.actors.map((a) => ({ ...a })),
      places: event.places.flatMap(({ mention, role }) => {
        const key = mentions[mention]?.key;
        return key === undefined ? [] : [{ mention: key, place: null, role: asPlaceRole(role), provenance: ARTICLE }];
      }),
      provenance: ARTICLE,
    };
  });
  return { draftId, meta, mentions, events, newPlaces: [], newActors: [], overwrite: false };
}

const PLACE_ROLES: readonly PlaceRole[] = ["venue", "origin", "target", "region"];

/** The engine's suggested role as one the schema knows; anything else is where it happened. */
export function asPlaceRole(role: string): PlaceRole {
  return (PLACE_ROLES as readonly string[]).includes(role) ? (role as PlaceRole) : "venue";
}
