"use client";

import { useState } from "react";
import type { StoryReview } from "@/geo/studio/review";
import type { Dispatch } from "./types";

export interface SaveBarProps {
  review: StoryReview;
  /** Whether validation has passed for this very review: saving is offered only then (the server checks again). */
  ready: boolean;
  storyExists: boolean;
  dispatch: Dispatch;
  onSaved: (written: string[]) => void;
}

/** Saves the story into the data folder; a refusal shows the server's problems and keeps the draft. */
export function SaveBar({ review, ready, storyExists, dispatch, onSaved }: SaveBarProps) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string[]>();

  async function save() {
    setBusy(true);
    setRefusal(undefined);
    try {
      const response = await fetch("/api/studio/save", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ review }),
      });
      const body = (await response.json()) as { written?: string[]; problems?: string[]; error?: { message: string } };
      if (response.ok && body.written) onSaved(body.written);
      else setRefusal(body.problems ?? [body.error?.message ?? `HTTP ${response.status}`]);
    } catch (error) {
      setRefusal([`The server did not answer: ${String(error)}. The draft is kept in this browser.`]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="studio-save" aria-label="Save">
      {storyExists && (
        <label>
          <input
            type="checkbox"
            checked={review.overwrite}
            onChange={(e) => dispatch({ type: "overwrite", overwrite: e.target.checked })}
          />{" "}
          Overwrite the saved story “{review.meta.id}”
        </label>
      )}
      <button type="button" onClick={save} disabled={busy || !ready} aria-describedby="studio-save-hint">
        {busy ? "Saving…" : "Save the story"}
      </button>
      {!ready && (
        <p className="studio-hint" id="studio-save-hint">
          Saving is possible once validation finds no problem. The draft is kept in this browser meanwhile.
        </p>
      )}
      {refusal && (
        <div role="alert" className="studio-error">
          <p>Not saved; the draft is kept. Fix:</p>
          <ul>
            {refusal.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
