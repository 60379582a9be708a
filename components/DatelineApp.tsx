"use client";

import { useMemo, useState } from "react";
import { filterEvents } from "@/geo/filter";
import { groupByPlace } from "@/geo/group";
import { compareChronologically } from "@/geo/join";
import { knownIds, placeOfEvent, type StoryBundle } from "@/geo/story";
import type { TileSetting } from "@/geo/tiles";
import { filterOf, type MapView, type ViewState } from "@/geo/url-state";
import { MapLoader } from "./map/MapLoader";
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

  const visible = useMemo(() => filterEvents(bundle.features, filterOf(state)).sort(compareChronologically), [bundle, state]);
  const groups = useMemo(() => groupByPlace(visible), [visible]);
  const events = useMemo(() => listEvents(visible), [visible]);
  const totalEvents = known.events.length;
  const focusPlace = state.event ? placeOfEvent(bundle.features, state.event, state.place) : state.place;

  const go = (next: ViewState, mode: "push" | "replace" = "push") => navigate(next, mode);
  const actions = {
    selectEvent(eventId: string) {
      setPanelOpen(false);
      go({ ...state, event: eventId, place: undefined, view: undefined });
    },
    openPlace: (placeId: string) => go({ ...state, place: placeId, event: undefined }),
    closePopup: () => go({ ...state, place: undefined, event: undefined }),
    moveMap: (view: MapView) => go({ ...state, view }, "replace"),
    setActors: (actors: string[]) => go({ ...state, actors: actors.length > 0 ? actors : undefined }),
    resetFilters: () => go({ ...state, actors: undefined, from: undefined, to: undefined }),
  };

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
        </main>
      </div>
    </StoryProvider>
  );
}
