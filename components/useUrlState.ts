"use client";

import { usePathname } from "next/navigation";
import { useCallback, useLayoutEffect, useMemo, useSyncExternalStore } from "react";
import { parseViewState, serializeViewState, type KnownIds, type ViewState } from "@/geo/url-state";
import { currentSearch, navigateTo, subscribeToAddress, type HistoryMode } from "./addressBar";
import { urlStateApplied } from "./urlStatePending";

export type { HistoryMode } from "./addressBar";

// The page is prerendered once for every query: the server, and the hydrating first render that
// must match its HTML, see no query. React then renders again with the real one before the app shows.
const serverSearch = () => "";

/**
 * The view state, read from the address (components/addressBar.ts): the URL is the single source
 * of truth, so the address is always a link to what the user sees. `navigate` writes a new state:
 * filter changes and selections push a history entry (Back undoes them), pans and zooms replace
 * it; the view is drawn from the new address at once, and the history is written after that frame.
 *
 * Not `useSearchParams`: under a prerendered page it would need a Suspense boundary whose HTML is
 * its fallback, and the story would no longer be in the HTML.
 */
export function useUrlState(known: KnownIds) {
  const search = useSyncExternalStore(subscribeToAddress, currentSearch, serverSearch);
  const pathname = usePathname();
  const { state, notices } = useMemo(() => parseViewState(new URLSearchParams(search), known), [search, known]);

  // Runs before the browser paints this render: once the query on screen is the address bar's.
  useLayoutEffect(
    function revealOnceApplied() {
      if (search === currentSearch()) urlStateApplied();
    },
    [search],
  );

  const navigate = useCallback((next: ViewState, mode: HistoryMode) => navigateTo(pathname, serializeViewState(next), mode), [pathname]);

  return { state, notices, navigate };
}
