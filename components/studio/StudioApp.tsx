"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { Draft } from "@/geo/draft/types";
import { reviewReducer, type ReviewAction } from "@/geo/studio/edit";
import { previewBundle } from "@/geo/studio/preview";
import { reviewFromDraft, type StoryMeta, type StoryReview } from "@/geo/studio/review";
import type { TileSetting } from "@/geo/tiles";
import { ArticleReview } from "./ArticleReview";
import { EventEditor } from "./EventEditor";
import { MentionEditor } from "./MentionEditor";
import { MetaForm } from "./MetaForm";
import { PasteForm } from "./PasteForm";
import { ProblemsPanel } from "./ProblemsPanel";
import { ProposalList } from "./ProposalList";
import { SaveBar } from "./SaveBar";
import { StudioPreview } from "./StudioPreview";
import type { StudioData } from "./types";
import { forgetReview, storedReview, useStoredReview } from "./useStoredReview";
import { useValidation } from "./useValidation";

/** The data folder as the studio's API reports it, fetched once the page is up. */
function useStudioData() {
  const [data, setData] = useState<StudioData>();
  const [error, setError] = useState<string>();
  useEffect(function fetchStudioData() {
    const controller = new AbortController();
    fetch("/api/studio/dataset", { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<StudioData>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setData, (e: unknown) => !controller.signal.aborted && setError(String(e)));
    return () => controller.abort();
  }, []);
  return { data, error };
}

/** The studio: paste an article, review the proposals, see the story, save it. State flows down from here. */
export function StudioApp({ tiles }: { tiles: TileSetting }) {
  const { data, error } = useStudioData();
  const [review, setReview] = useState<StoryReview | undefined>(storedReview);
  const [selected, setSelected] = useState<string>();
  const [saved, setSaved] = useState<{ id: string; written: string[] }>();
  useStoredReview(review);
  const validation = useValidation(review);

  const knownPlaces = useMemo(() => new Set(data?.places.map((p) => p.id)), [data]);
  const knownEvents = useMemo(() => new Set(data?.eventIds), [data]);
  const dispatch = useCallback(
    (action: ReviewAction) => setReview((current) => current && reviewReducer(current, action, knownPlaces, knownEvents)),
    [knownPlaces, knownEvents],
  );
  const bundle = useMemo(() => review && data && previewBundle(review, data.places, data.actors), [review, data]);

  if (error)
    return (
      <main className="studio">
        <p role="alert">The studio could not read the data folder: {error}</p>
      </main>
    );
  if (!data)
    return (
      <main className="studio">
        <p role="status">Loading the studio…</p>
      </main>
    );

  const start = (meta: StoryMeta, draft: Draft) => {
    setSaved(undefined);
    setSelected(undefined);
    setReview(reviewFromDraft(crypto.randomUUID(), meta, draft, knownEvents));
  };

  const header = (
    <header className="studio-header">
      <p className="brand">Dateline studio</p>
      {review && <h1 className="studio-story-title">{review.meta.title.trim() || "Untitled story"}</h1>}
      {review && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            forgetReview(review.draftId);
            setReview(undefined);
          }}
        >
          Discard this draft
        </button>
      )}
    </header>
  );

  if (!review || !bundle) {
    return (
      <div className="studio">
        {header}
        <main>
          {saved && (
            <p role="status" className="studio-saved">
              Saved “{saved.id}”: {saved.written.join(", ")}. Build and restart the site to publish it at /stories/{saved.id}.
            </p>
          )}
          <PasteForm onDraft={start} firstStory={data.storyIds.length === 0} />
        </main>
      </div>
    );
  }

  const mention = review.mentions.find((m) => m.key === selected);
  const event = review.events.find((e) => e.key === selected);
  const allPlaces = [...data.places, ...review.newPlaces];
  return (
    <div className="studio studio-reviewing">
      {header}
      <main className="studio-columns">
        <div className="studio-column">
          <MetaForm meta={review.meta} dispatch={dispatch} />
          <ArticleReview review={review} selected={selected} onSelect={setSelected} dispatch={dispatch} />
        </div>
        <div className="studio-column">
          <ProposalList review={review} places={data.places} selected={selected} onSelect={setSelected} dispatch={dispatch} />
          {mention && <MentionEditor key={mention.key} mention={mention} places={allPlaces} dispatch={dispatch} />}
          {event && (
            <EventEditor key={event.key} event={event} review={review} places={data.places} actors={data.actors} dispatch={dispatch} />
          )}
        </div>
        <div className="studio-column">
          <ProblemsPanel validation={validation} current={validation.checked === review} />
          <SaveBar
            review={review}
            ready={validation.checked === review && validation.problems.length === 0 && !validation.error}
            storyExists={data.storyIds.includes(review.meta.id)}
            dispatch={dispatch}
            onSaved={(written) => {
              forgetReview(review.draftId);
              setSaved({ id: review.meta.id, written });
              setReview(undefined);
            }}
          />
          <StudioPreview
            bundle={bundle}
            tiles={tiles}
            onReadInArticle={(eventId) => setSelected(review.events.find((e) => e.id === eventId)?.key)}
          />
        </div>
      </main>
    </div>
  );
}
