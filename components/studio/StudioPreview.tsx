"use client";

import { useMemo } from "react";
import { knownIds, type StoryBundle } from "@/geo/story";
import type { TileSetting } from "@/geo/tiles";
import { deriveView } from "@/geo/view";
import { EventList } from "../EventList";
import { MapLoader } from "../map/MapLoader";
import { PartBoundary } from "../PartBoundary";
import { StoryProvider } from "../StoryContext";
import { Timeline } from "../timeline/Timeline";
import { useUrlState } from "../useUrlState";
import { useViewActions } from "../useViewActions";

export interface StudioPreviewProps {
  bundle: StoryBundle;
  tiles: TileSetting;
  /** "Read in the article" in a popup or the list: opens that event in the editor, beside its quote. */
  onReadInArticle: (eventId: string) => void;
}

/** Dateline's own map, popups, list and timeline, drawing the story as it would be saved. */
export function StudioPreview({ bundle, tiles, onReadInArticle }: StudioPreviewProps) {
  const known = useMemo(() => knownIds(bundle), [bundle]);
  const { state, navigate } = useUrlState(known);
  const actorIds = useMemo(() => bundle.actors.map((a) => a.id), [bundle.actors]);
  const actions = useViewActions(known, actorIds, navigate);
  const view = useMemo(() => deriveView(bundle, state), [bundle, state]);
  return (
    <StoryProvider dateline={bundle.story.dateline} actors={bundle.actors} readInArticle={onReadInArticle}>
      <section className="studio-preview" aria-label="Preview of the story">
        <h2>Preview</h2>
        {bundle.features.length === 0 && <p className="studio-hint">Accepted events with a date, an actor and a place show here.</p>}
        <div className="studio-preview-map">
          <PartBoundary name="The map" instead="The list still works." className="map">
            <MapLoader
              view={view}
              mapView={state.view}
              tiles={tiles}
              onOpenPlace={actions.openPlace}
              onClosePopup={actions.closePopup}
              onUserMove={actions.moveMap}
            />
          </PartBoundary>
        </div>
        <PartBoundary name="The timeline" instead="The map still works.">
          <Timeline
            index={view.index}
            actors={state.actors}
            dateline={bundle.story.dateline}
            range={{ from: state.from, to: state.to }}
            onChange={actions.setDates}
          />
        </PartBoundary>
        <EventList events={view.events} focusedEvent={state.event} onSelect={actions.selectEvent} />
      </section>
    </StoryProvider>
  );
}
