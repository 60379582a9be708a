"use client";

import { usePathname } from "next/navigation";
import { useCallback, useLayoutEffect, useMemo, useSyncExternalStore } from "react";
import { parseViewState, serializeViewState, type KnownIds, type ViewState } from "@/geo/url-state";
import { urlStateApplied } from "./urlStatePending";

export type HistoryMode = "push" | "replace";

/** Components reading the address bar, told when this module or Back/Forward changes it. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const clientSearch = () => window.location.search;
// The page is prerendered once for every query: the server, and the hydrating first render that
// must match its HTML, see no query. React then renders again with the real one before the app shows.
const serverSearch = () => "";

/**
 * The view state, read from the address bar: the URL is the single source of truth, so the
 * address is always a link to what the user sees. `navigate` writes a new state: filter changes
 * and selections push a history entry (Back undoes them), pans and zooms replace it.
 *
 * Not `useSearchParams`: under a prerendered page it would need a Suspense boundary whose HTML is
 * its fallback, and the story would no longer be in the HTML.
 */
export function useUrlState(known: KnownIds) {
  const search = useSyncExternalStore(subscribe, clientSearch, serverSearch);
  const pathname = usePathname();
  const { state, notices } = useMemo(() => parseViewState(new URLSearchParams(search), known), [search, known]);

  // Runs before the browser paints this render: once the query on screen is the address bar's.
  useLayoutEffect(
    function revealOnceApplied() {
      if (search === window.location.search) urlStateApplied();
    },
    [search],
  );

  const navigate = useCallback(
    (next: ViewState, mode: HistoryMode) => {
      const query = serializeViewState(next);
      const url = query ? `${pathname}?${query}` : pathname;
      if (url === `${window.location.pathname}${window.location.search}`) return;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
      for (const listener of listeners) listener();
    },
    [pathname],
  );

  return { state, notices, navigate };
}
