"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseViewState, serializeViewState, type KnownIds, type ViewState } from "@/geo/url-state";

export type HistoryMode = "push" | "replace";

/**
 * The view state, read from the address bar: the URL is the single source of truth, so the
 * address is always a link to what the user sees. `navigate` writes a new state: filter changes
 * and selections push a history entry (Back undoes them), pans and zooms replace it.
 */
export function useUrlState(known: KnownIds) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const { state, notices } = useMemo(() => parseViewState(new URLSearchParams(searchParams.toString()), known), [searchParams, known]);

  const navigate = useCallback(
    (next: ViewState, mode: HistoryMode) => {
      const query = serializeViewState(next);
      const url = query ? `${pathname}?${query}` : pathname;
      if (url === `${window.location.pathname}${window.location.search}`) return;
      // Next.js keeps useSearchParams in step with the native History API.
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );

  return { state, notices, navigate };
}
