"use client";

import type { StoryMeta } from "@/geo/studio/review";
import type { Dispatch } from "./types";

/** The story's own fields: its id (its address, /stories/<id>), title, dateline, source, front page. */
export function MetaForm({ meta, dispatch }: { meta: StoryMeta; dispatch: Dispatch }) {
  const change = (c: Partial<StoryMeta>) => dispatch({ type: "meta", change: c });
  return (
    <section className="studio-meta" aria-label="The story">
      <div className="studio-row">
        <label>
          Story id
          <input value={meta.id} aria-describedby="studio-story-address" onChange={(e) => change({ id: e.target.value.trim() })} />
          <span className="studio-hint" id="studio-story-address">
            Its address: /stories/{meta.id || "…"}
          </span>
        </label>
        <label>
          Dateline
          <input type="date" value={meta.dateline} onChange={(e) => change({ dateline: e.target.value })} />
        </label>
      </div>
      <div className="studio-row">
        <label>
          Title
          <input value={meta.title} onChange={(e) => change({ title: e.target.value })} />
        </label>
        <label>
          Source
          <input value={meta.source} onChange={(e) => change({ source: e.target.value })} />
        </label>
      </div>
      <label>
        <input type="checkbox" checked={meta.frontPage} onChange={(e) => change({ frontPage: e.target.checked })} /> The front-page story
        (shown at /)
      </label>
    </section>
  );
}
