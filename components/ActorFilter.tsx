"use client";

import type { Actor } from "@/geo/schema";
import { ActorSwatch } from "./ActorChip";

export interface ActorFilterProps {
  actors: readonly Actor[];
  /** Selected ids; empty means no actor filter. */
  selected: readonly string[];
  /** Events per actor in the story, before filtering. */
  counts: ReadonlyMap<string, number>;
  /** Sets the selection: "only" one actor, or none to clear. */
  onChange: (selected: string[]) => void;
  /** Adds or removes one actor; the page works it out from the current URL, so quick presses add up. */
  onToggle: (id: string) => void;
}

/** The actor legend, which is also the actor filter: one toggle per actor, "only", and clear. */
export function ActorFilter({ actors, selected, counts, onChange, onToggle }: ActorFilterProps) {
  return (
    <fieldset className="actor-filter">
      <legend>
        Actors <span className="hint">{selected.length === 0 ? "· all shown; choose to filter" : `· ${selected.length} chosen`}</span>
      </legend>
      <ul>
        {actors.map((actor) => {
          const pressed = selected.includes(actor.id);
          return (
            <li key={actor.id} className="actor-filter-row">
              <button
                type="button"
                className="actor-toggle"
                data-actor={actor.id}
                aria-pressed={pressed}
                onClick={() => onToggle(actor.id)}
                title={actor.description}
              >
                <ActorSwatch actor={actor} />
                <span className="actor-name">{actor.name}</span>
                <span className="actor-count" aria-label={`${counts.get(actor.id) ?? 0} events`}>
                  {counts.get(actor.id) ?? 0}
                </span>
              </button>
              <button type="button" className="actor-only" onClick={() => onChange([actor.id])} aria-label={`Only ${actor.name}`}>
                only
              </button>
            </li>
          );
        })}
      </ul>
      {selected.length > 0 && (
        <button type="button" className="link-button" onClick={() => onChange([])}>
          Clear actor filter
        </button>
      )}
    </fieldset>
  );
}
