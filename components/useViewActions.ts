"use client";

import { useMemo } from "react";
import type { KnownIds, MapView, ViewState } from "@/geo/url-state";
import { parseViewState } from "@/geo/url-state";
import type { DateRange } from "./timeline/Timeline";
import { currentSearch, type HistoryMode } from "./addressBar";

/**
 * What a reader can do to the view, as changes to the URL state: the story page and the embed
 * share them. Each reads the state from the address at the moment it runs (components/addressBar.ts),
 * not from the last render: a pan reported just after a filter change must not write the old
 * filter back.
 */
export function useViewActions(known: KnownIds, actorIds: readonly string[], navigate: (next: ViewState, mode: HistoryMode) => void) {
  return useMemo(() => {
    const current = () => parseViewState(new URLSearchParams(currentSearch()), known).state;
    const go = (change: Partial<ViewState>, mode: HistoryMode = "push") => navigate({ ...current(), ...change }, mode);
    return {
      selectEvent(eventId: string) {
        if (current().event !== eventId) go({ event: eventId, place: undefined, view: undefined });
      },
      openPlace: (placeId: string) => go({ place: placeId, event: undefined }),
      closePopup: () => go({ place: undefined, event: undefined }),
      moveMap: (view: MapView) => go({ view }, "replace"),
      setActors: (actors: string[]) => go({ actors: actors.length > 0 ? actors : undefined }),
      toggleActor(id: string) {
        const selected = current().actors ?? [];
        const next = actorIds.filter((a) => (a === id ? !selected.includes(a) : selected.includes(a)));
        go({ actors: next.length > 0 ? next : undefined });
      },
      resetFilters: () => go({ actors: undefined, from: undefined, to: undefined }),
      setDates: (range: DateRange, mode: HistoryMode) => go({ from: range.from, to: range.to }, mode),
    };
  }, [navigate, known, actorIds]);
}
