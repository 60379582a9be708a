"use client";

import { useMemo } from "react";
import type { StoryBundle } from "@/geo/story";
import { deriveView, type StoryView } from "@/geo/view";
import { useStoryBundle } from "./useStoryBundle";
import { useUrlState } from "./useUrlState";
import { useViewActions } from "./useViewActions";

/**
 * What a page that shows a story's map works from, the story page and the embed alike: the story
 * (a large one's events once they arrive), the view state in the URL with its notices, what that
 * state shows, and the reader's actions as changes to the URL.
 */
export function useStoryView(pageBundle: StoryBundle) {
  const { bundle, known, loading, error } = useStoryBundle(pageBundle);
  const { state, notices, navigate } = useUrlState(known);
  const view = useMemo(
    () => withDeferredTotal(deriveView(bundle, state), loading ? pageBundle.deferred : undefined),
    [bundle, state, loading, pageBundle],
  );
  const actorIds = useMemo(() => bundle.actors.map((a) => a.id), [bundle.actors]);
  const actions = useViewActions(known, actorIds, navigate);
  return { bundle, loading, error, state, notices, view, actions };
}

/** While a large story's events are on their way, "N of M" counts the whole story, not what the page carried. */
function withDeferredTotal(view: StoryView, deferred: StoryBundle["deferred"]): StoryView {
  return deferred ? { ...view, counts: { ...view.counts, total: deferred.eventCount } } : view;
}
