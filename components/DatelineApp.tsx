"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { filterEvents } from "@/geo/filter";
import { groupByPlace } from "@/geo/group";
import { compareChronologically } from "@/geo/join";
import { knownIds, placeOfEvent, type StoryBundle } from "@/geo/story";
import type { TileSetting } from "@/geo/tiles";
import { filterOf, type MapView, type ViewState } from "@/geo/url-state";
import { MapLoader } from "./map/MapLoader";
import { Timeline, type DateRange } from "./timeline/Timeline";
import { StoryPanel } from "./StoryPanel";
import { StoryProvider } from "./StoryContext";
import { listEvents } from "./EventList";
import { useUrlState } from "./useUrlState";

export interface DatelineAppProps {
  bundle: StoryBundle;
  tiles: TileSetting;
}

/** The page: the story panel beside the map, both driven by the view state in the URL. */
export function DatelineApp({ bundle, tiles }: DatelineAppProps) {
  const known = useMemo(() => knownIds(bundle), [bundle]);
  const { state, notices, navigate } = useUrlState(known);
  const [panelOpen, setPanelOpen] = useState(false);

  const byActor = useMemo(() => filterEvents(bundle.features, { actors: state.actors }), [bundle, state.actors]);
  const visible = useMemo(() => filterEvents(byActor, filterOf(state)).sort(compareChronologically), [byActor, state]);
  const groups = useMemo(() => groupByPlace(visible), [visible]);
  const events = useMemo(() => listEvents(visible), [visible]);
  const totalEvents = known.events.length;
  const focusPlace = state.event ? placeOfEvent(bundle.features, state.event, state.place) : state.place;

  // Handlers read the latest state through a ref, so they keep one identity across renders and
  // the map's and the timeline's effects do not restart on every change.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  });
  const actions = useMemo(() => {
    const go = (change: Partial<ViewState>, mode: "push" | "replace" = "push") => navigate({ ...stateRef.current, ...change }, mode);
    return {
      selectEvent(eventId: string) {
        setPanelOpen(false);
        go({ event: eventId, place: undefined, view: undefined });
      },
      openPlace: (placeId: string) => go({ place: placeId, event: undefined }),
      closePopup: () => go({ place: undefined, event: undefined }),
      moveMap: (view: MapView) => go({ view }, "replace"),
      setActors: (actors: string[]) => go({ actors: actors.length > 0 ? actors : undefined }),
      resetFilters: () => go({ actors: undefined, from: undefined, to: undefined }),
      setDates: (range: DateRange, mode: "push" | "replace") => go({ from: range.from, to: range.to }, mode),
    };
  }, [navigate]);

  return (
    <StoryProvider dateline={bundle.story.dateline} actors={bundle.actors} places={bundle.places}>
      <div className="app" data-panel-open={panelOpen}>
        <StoryPanel
          bundle={bundle}
          state={state}
          notices={notices}
          events={events}
          totalEvents={totalEvents}
          open={panelOpen}
          onToggle={() => setPanelOpen((open) => !open)}
          onSelectEvent={actions.selectEvent}
          onActorsChange={actions.setActors}
          onResetFilters={actions.resetFilters}
        />
        <main className="map-area" aria-label="Map of the story's events">
          <MapLoader
            places={bundle.places}
            features={visible}
            groups={groups}
            focusPlace={focusPlace}
            focusEvent={state.event}
            view={state.view}
            tiles={tiles}
            onOpenPlace={actions.openPlace}
            onClosePopup={actions.closePopup}
            onUserMove={actions.moveMap}
          />
          <Timeline
            features={byActor}
            allFeatures={bundle.features}
            dateline={bundle.story.dateline}
            range={{ from: state.from, to: state.to }}
            onChange={actions.setDates}
          />
        </main>
      </div>
    </StoryProvider>
  );
}
