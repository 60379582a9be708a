/**
 * The studio's proposals for a pasted article, in the shape the contract fixes for
 * `POST /api/studio/draft` (../CONTRACT: "The studio"). Offsets are UTF-16 code units into the
 * text, end exclusive, so `text.slice(start, end)` is the span.
 */

/** One place a mention might mean; the first candidate of a mention is the proposal. */
export interface PlaceCandidate {
  /** A known place's id (the data folder's places), or null for a gazetteer entry. */
  placeId: string | null;
  name: string;
  kind: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** [longitude, latitude], WGS 84. */
  coordinates: [number, number];
}

export interface PlaceMention {
  text: string;
  start: number;
  end: number;
  candidates: PlaceCandidate[];
}

export interface ProposedActor {
  /** A known actor's id, or null for one the registry lacks. */
  actor: string | null;
  name: string;
  role: string;
}

export interface ProposedEvent {
  quote: { start: number; end: number };
  /** A contract date (`2020-01-07`, `2017`, `2011/2020-01-08`), or null when the text gives none. */
  date: string | null;
  actors: ProposedActor[];
  /** `mention` is an index into the draft's `mentions`. */
  places: { mention: number; role: string }[];
}

export interface Draft {
  mentions: PlaceMention[];
  events: ProposedEvent[];
}
