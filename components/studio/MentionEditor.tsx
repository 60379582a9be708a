"use client";

import dynamic from "next/dynamic";
import { useState, type FormEvent } from "react";
import type { PlaceCandidate } from "@/geo/draft/types";
import type { PlaceFeature } from "@/geo/schema";
import type { MentionReview } from "@/geo/studio/review";
import type { Dispatch } from "./types";

const CandidateMap = dynamic(() => import("./CandidateMap"), {
  ssr: false,
  loading: () => <div className="studio-candidate-map">Loading the map…</div>,
});

export interface MentionEditorProps {
  mention: MentionReview;
  places: readonly PlaceFeature[];
  dispatch: Dispatch;
}

/** The place a mention stands for: its candidates on a map, a gazetteer search, or a pin. */
export function MentionEditor({ mention, places, dispatch }: MentionEditorProps) {
  const [query, setQuery] = useState(mention.text);
  const [found, setFound] = useState<PlaceCandidate[]>();
  const [searchError, setSearchError] = useState<string>();
  const [pin, setPin] = useState<[number, number]>();
  const [pinName, setPinName] = useState(mention.text);
  const [pinCountry, setPinCountry] = useState(mention.candidates[0]?.country ?? "");
  const candidates = found ?? mention.candidates;
  const chosen = places.find((p) => p.id === mention.placeId);
  const choose = (candidate: PlaceCandidate) => dispatch({ type: "choose-place", key: mention.key, candidate });

  async function search(event: FormEvent) {
    event.preventDefault();
    setSearchError(undefined);
    const response = await fetch(`/api/studio/places?q=${encodeURIComponent(query)}`);
    const body = (await response.json()) as { candidates?: PlaceCandidate[]; error?: { message: string } };
    if (!response.ok || !body.candidates) return setSearchError(body.error?.message ?? `HTTP ${response.status}`);
    setFound(body.candidates);
  }

  function savePin(event: FormEvent) {
    event.preventDefault();
    if (pin) dispatch({ type: "pin-place", key: mention.key, name: pinName, country: pinCountry.toUpperCase(), coordinates: pin });
  }

  return (
    <section className="studio-editor" aria-labelledby="studio-editor-heading">
      <h2 id="studio-editor-heading">Place: “{mention.text}”</h2>
      <p>
        {chosen ? `Chosen: ${chosen.properties.name} (${chosen.properties.kind}, ${chosen.properties.country})` : "No place chosen yet."}{" "}
        <span className="studio-status" data-status={mention.status}>
          {mention.status}
        </span>
      </p>
      <p className="studio-actions">
        <button type="button" onClick={() => dispatch({ type: "mention-status", key: mention.key, status: "accepted" })}>
          Accept
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => dispatch({ type: "mention-status", key: mention.key, status: "rejected" })}
        >
          Reject
        </button>
      </p>
      <fieldset>
        <legend>{found ? "Search results" : "Candidates"}</legend>
        {candidates.length === 0 && <p>None: search the gazetteer, or click the map to drop a pin.</p>}
        <ol className="studio-candidates">
          {candidates.slice(0, 8).map((c, i) => (
            <li key={`${c.name}-${i}`}>
              <button type="button" aria-pressed={c.placeId !== null && c.placeId === mention.placeId} onClick={() => choose(c)}>
                {c.name}
              </button>{" "}
              {c.kind}, {c.country} · {c.placeId ? "in the data" : "gazetteer: added as a new place"}
            </li>
          ))}
        </ol>
      </fieldset>
      <CandidateMap
        candidates={candidates.slice(0, 8)}
        chosen={chosen?.geometry.coordinates}
        pin={pin}
        onChoose={(i) => candidates[i] && choose(candidates[i])}
        onPin={setPin}
      />
      <form className="studio-row" onSubmit={search} role="search">
        <label>
          Search the gazetteer
          <input value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {searchError && <p role="alert">{searchError}</p>}
      <form className="studio-pin" onSubmit={savePin}>
        <p className="studio-hint">
          {pin
            ? `Pin at ${pin[1].toFixed(5)}, ${pin[0].toFixed(5)} (lat, lng)`
            : "Click the map to drop a pin for a place the gazetteer lacks."}
        </p>
        <div className="studio-row">
          <label>
            Name
            <input value={pinName} onChange={(e) => setPinName(e.target.value)} />
          </label>
          <label>
            Country (ISO code)
            <input value={pinCountry} maxLength={2} size={3} onChange={(e) => setPinCountry(e.target.value)} />
          </label>
          <button type="submit" disabled={!pin || !pinName || pinCountry.length !== 2}>
            Use the pin
          </button>
        </div>
      </form>
    </section>
  );
}
