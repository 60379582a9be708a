"use client";

import { useEffect, useMemo, useState } from "react";
import { decodeEventsFile } from "@/geo/events-file";
import { completeBundle, knownIds, type StoryBundle } from "@/geo/story";
import type { KnownIds } from "@/geo/url-state";

/** Each data file fetched and decoded once per page, however often the app mounts. */
const loads = new Map<string, Promise<StoryBundle>>();

function loadWhole(bundle: StoryBundle, url: string): Promise<StoryBundle> {
  let load = loads.get(url);
  if (!load) {
    load = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((json) => completeBundle(bundle, decodeEventsFile(json, bundle.story.text)));
    // A failed load may be tried again by the next mount (a reload of the part that failed).
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}

export interface StoryData {
  /** The whole story once its events are here; until then, what the page carried. */
  bundle: StoryBundle;
  /** The ids a link may name; `pending` (any id kept) while the events are on their way. */
  known: KnownIds;
  /** True while a large story's events are being fetched. */
  loading: boolean;
  /** Why they could not be fetched, in words for the reader. */
  error?: string;
}

/**
 * A story's data as the page can show it: the bundle as the page carried it, and for a large story
 * (geo/story.ts `pageBundle`) the whole story once its data file has been fetched and joined.
 */
export function useStoryBundle(pageBundle: StoryBundle): StoryData {
  const [whole, setWhole] = useState<{ from: StoryBundle; bundle: StoryBundle }>();
  const [error, setError] = useState<string>();
  const url = pageBundle.deferred?.url;

  useEffect(
    function fetchDeferredEvents() {
      if (!url) return;
      let current = true;
      loadWhole(pageBundle, url).then(
        (bundle) => current && setWhole({ from: pageBundle, bundle }),
        (reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)),
      );
      return () => {
        current = false;
      };
    },
    [pageBundle, url],
  );

  const loaded = whole?.from === pageBundle ? whole.bundle : undefined;
  const bundle = url ? (loaded ?? pageBundle) : pageBundle;
  const loading = url !== undefined && loaded === undefined && error === undefined;
  const known = useMemo((): KnownIds => {
    const ids = knownIds(bundle);
    // Until the events arrive, a link's place or event may be among them: keep it rather than drop it.
    return loading ? { ...ids, placesOfEvent: undefined, pending: true } : ids;
  }, [bundle, loading]);
  return { bundle, known, loading, error };
}
