/**
 * The studio's proposal engine: from an article's text and dateline to the proposals of
 * `POST /api/studio/draft` (CONTRACT.md, "The studio").
 *
 * Public entry point (stable; the editor and the route use it):
 *
 *     draftStory(text: string, dateline: string, registry: DraftRegistry, gazetteer?: Gazetteer): Draft
 *
 * - `text`: the article, verbatim; offsets in the answer are UTF-16 code units into it.
 * - `dateline`: `YYYY-MM-DD`, a real day (throws otherwise: check with `isIsoDay` from geo/dates first).
 * - `registry`: the data folder's places and actors (a `Dataset` from geo/load.ts fits).
 * - `gazetteer`: defaults to the one the build wrote (geo/draft/gazetteer.ts), read once per process.
 *
 * Server and CLI only (it reads the gazetteer from disk).
 */
import type { Actor, PlaceFeature } from "../schema";
import { actorNames, findActors } from "./actors";
import { findDates } from "./dates";
import { proposeEvents } from "./events";
import { loadGazetteer, type Gazetteer } from "./gazetteer";
import { findMentions } from "./mentions";
import { splitSentences, tokenize } from "./text";
import type { Draft } from "./types";

export type { Draft, PlaceCandidate, PlaceMention, ProposedActor, ProposedEvent } from "./types";

/** What the engine needs of the data folder. */
export interface DraftRegistry {
  places: readonly PlaceFeature[];
  actors: readonly Actor[];
}

export function draftStory(text: string, dateline: string, registry: DraftRegistry, gazetteer: Gazetteer = loadGazetteer()): Draft {
  const sentences = splitSentences(text);
  const tokens = tokenize(text, sentences);
  const found = findMentions(text, tokens, { places: registry.places, gazetteer, notPlaces: actorNames(registry.actors) });
  const mentions = found.map(({ text: mentionText, start, end, candidates }) => ({ text: mentionText, start, end, candidates }));
  const dates = findDates(text, dateline);
  const actors = findActors(text, tokens, registry.actors, mentions);
  const events = proposeEvents({ text, dateline, sentences, mentions: found, dates, actors });
  return { mentions, events };
}
