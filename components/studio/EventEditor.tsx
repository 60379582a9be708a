"use client";

import { useState } from "react";
import { isContractDate } from "@/geo/dates";
import { actorRoles, placeRoles, type Actor, type PlaceFeature, type PlaceRole, type Provenance } from "@/geo/schema";
import { ARTICLE, type EventReview, type StoryReview } from "@/geo/studio/review";
import { ActorForm } from "./ActorForm";
import { ProvenanceFields } from "./ProvenanceFields";
import type { Dispatch } from "./types";

/** Context still waiting for its citation: validation names each empty field until it is filled. */
const UNCITED: Provenance = { kind: "context", citation: { title: "", publisher: "", url: "" } };

export interface EventEditorProps {
  event: EventReview;
  review: StoryReview;
  places: readonly PlaceFeature[];
  actors: readonly Actor[];
  dispatch: Dispatch;
}

/** One event: its title, date, actors with roles, places with roles, and where each fact comes from. */
export function EventEditor({ event, review, places, actors, dispatch }: EventEditorProps) {
  const [addingActor, setAddingActor] = useState(false);
  const change = (c: Partial<Omit<EventReview, "key">>) => dispatch({ type: "event", key: event.key, change: c });
  const allActors = [...actors, ...review.newActors];
  const allPlaces = [...places, ...review.newPlaces];
  const placeName = (id: string | null) => allPlaces.find((p) => p.id === id)?.properties.name;
  const mentions = review.mentions.filter((m) => m.status !== "rejected");
  const dateOk = isContractDate(event.date);

  return (
    <section className="studio-editor" aria-labelledby="studio-editor-heading">
      <h2 id="studio-editor-heading">Event</h2>
      <blockquote className="studio-quote">{review.meta.text.slice(event.quote.start, event.quote.end)}</blockquote>
      <p className="studio-actions">
        <span className="studio-status" data-status={event.status}>
          {event.status}
        </span>
        <button type="button" onClick={() => dispatch({ type: "event-status", key: event.key, status: "accepted" })}>
          Accept
        </button>
        <button type="button" className="secondary" onClick={() => dispatch({ type: "event-status", key: event.key, status: "rejected" })}>
          Reject
        </button>
      </p>
      <label>
        Title
        <input value={event.title} onChange={(e) => change({ title: e.target.value })} />
      </label>
      <label>
        Summary
        <textarea rows={3} value={event.summary} onChange={(e) => change({ summary: e.target.value })} />
      </label>
      <div className="studio-row">
        <label>
          Id
          <input value={event.id} onChange={(e) => change({ id: e.target.value })} />
        </label>
        <label>
          Date
          <input
            value={event.date}
            placeholder="2020-01-07, 2017, 2011/2020-01-08"
            aria-invalid={!dateOk}
            onChange={(e) => change({ date: e.target.value.trim() })}
          />
        </label>
      </div>
      {!dateOk && <p className="studio-hint">A date is YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B of those.</p>}
      <ProvenanceFields
        label="the date"
        value={event.dateProvenance}
        onChange={(p) => change({ dateProvenance: p.kind === "article" ? null : p })}
      />

      <fieldset>
        <legend>Actors</legend>
        {event.actors.map((link, i) => (
          <div className="studio-row" key={i}>
            <label>
              Actor {i + 1}
              <select
                value={link.actor ?? ""}
                onChange={(e) => change({ actors: event.actors.map((a, j) => (j === i ? { ...a, actor: e.target.value || null } : a)) })}
              >
                <option value="">{`Unmatched: “${link.name}”`}</option>
                {allActors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.abbreviation})
                  </option>
                ))}
              </select>
            </label>
            <label>
              Role
              <select
                value={link.role}
                onChange={(e) => change({ actors: event.actors.map((a, j) => (j === i ? { ...a, role: e.target.value } : a)) })}
              >
                {!(actorRoles as readonly string[]).includes(link.role) && (
                  <option value={link.role}>{link.role} (not a known role)</option>
                )}
                {actorRoles.map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <button type="button" className="secondary" onClick={() => change({ actors: event.actors.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        ))}
        <p className="studio-actions">
          <button
            type="button"
            onClick={() => change({ actors: [...event.actors, { actor: null, name: "new actor", role: "belligerent" }] })}
          >
            Add an actor
          </button>
          <button type="button" className="secondary" aria-expanded={addingActor} onClick={() => setAddingActor((v) => !v)}>
            New actor…
          </button>
        </p>
        {addingActor && (
          <ActorForm
            onAdd={(actor) => {
              dispatch({ type: "add-actor", actor });
              change({ actors: [...event.actors, { actor: actor.id, name: actor.name, role: "belligerent" }] });
              setAddingActor(false);
            }}
          />
        )}
      </fieldset>

      <fieldset>
        <legend>Places</legend>
        {event.places.map((link, i) => {
          const update = (c: Partial<typeof link>) => change({ places: event.places.map((p, j) => (j === i ? { ...p, ...c } : p)) });
          const value = link.mention ? `mention:${link.mention}` : link.place ? `place:${link.place}` : "";
          return (
            <div className="studio-place-link" key={i}>
              <div className="studio-row">
                <label>
                  Place {i + 1}
                  <select
                    value={value}
                    onChange={(e) => {
                      const [kind, id] = e.target.value.split(/:(.*)/);
                      // A place chosen without a mention is one the quote does not name: context, until cited.
                      const context = link.provenance.kind === "context" ? link.provenance : UNCITED;
                      update(
                        kind === "mention"
                          ? { mention: id ?? null, place: null, provenance: ARTICLE }
                          : { mention: null, place: id ?? null, provenance: context },
                      );
                    }}
                  >
                    <option value="">Choose…</option>
                    <optgroup label="Mentions in the article">
                      {mentions.map((m) => (
                        <option key={m.key} value={`mention:${m.key}`}>
                          “{m.text}” → {placeName(m.placeId) ?? "no place yet"}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label="Places the quote does not name (context, with a citation)">
                      {allPlaces.map((p) => (
                        <option key={p.id} value={`place:${p.id}`}>
                          {p.properties.name}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                </label>
                <label>
                  Role
                  <select value={link.role} onChange={(e) => update({ role: e.target.value as PlaceRole })}>
                    {placeRoles.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </label>
                <button type="button" className="secondary" onClick={() => change({ places: event.places.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </div>
              {link.mention === null && (
                <ProvenanceFields label="this place" value={link.provenance} onChange={(p) => update({ provenance: p })} />
              )}
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => change({ places: [...event.places, { mention: null, place: null, role: "venue", provenance: ARTICLE }] })}
        >
          Add a place
        </button>
      </fieldset>
      <ProvenanceFields label="the event" value={event.provenance} onChange={(p) => change({ provenance: p })} />
    </section>
  );
}
