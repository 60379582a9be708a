"use client";

import { useState, type FormEvent } from "react";
import type { Draft } from "@/geo/draft/types";
import { slugify, type StoryMeta } from "@/geo/studio/review";

export interface PasteFormProps {
  /** Called with the article and the engine's proposals (or none, when the editor starts by hand). */
  onDraft: (meta: StoryMeta, draft: Draft) => void;
  firstStory: boolean;
}

/** Step one: the article, its dateline, title and source; then ask the engine for its proposals. */
export function PasteForm({ onDraft, firstStory }: PasteFormProps) {
  const [text, setText] = useState("");
  const [dateline, setDateline] = useState("");
  const [title, setTitle] = useState("");
  const [source, setSource] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  // A first id from the title's opening words and the year ("putin-makes-a-rare-visit-2020"); the editor may change it.
  const firstId = `${title.split(/\s+/).slice(0, 5).join(" ")} ${dateline.slice(0, 4)}`;
  const meta = (): StoryMeta => ({ id: slugify(firstId), title, dateline, source, text, frontPage: firstStory });

  async function propose(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch("/api/studio/draft", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text, dateline }),
      });
      const isJson = response.headers.get("Content-Type")?.includes("json");
      const body = isJson ? ((await response.json()) as Draft & { error?: { message: string } }) : undefined;
      if (!response.ok || !body) {
        const engineMissing = response.status === 404 && !isJson;
        throw new Error(
          engineMissing
            ? "this build has no draft engine (POST /api/studio/draft is missing)"
            : (body?.error?.message ?? `HTTP ${response.status}`),
        );
      }
      onDraft(meta(), body);
    } catch (failure) {
      setError(`No proposals: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="studio-paste" onSubmit={propose}>
      <h1>New story</h1>
      <label>
        Title
        <input required value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="studio-row">
        <label>
          Dateline
          <input type="date" required value={dateline} onChange={(e) => setDateline(e.target.value)} />
        </label>
        <label>
          Source (as the byline names it)
          <input required value={source} placeholder="Reuters, Wire report…" onChange={(e) => setSource(e.target.value)} />
        </label>
      </div>
      <label>
        The article, verbatim
        <textarea required rows={14} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="studio-actions">
        <button type="submit" disabled={busy}>
          {busy ? "Reading the article…" : "Propose places, events and dates"}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!text || !dateline}
          onClick={() => onDraft(meta(), { mentions: [], events: [] })}
        >
          Start without proposals
        </button>
      </p>
      {error && (
        <p className="studio-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
