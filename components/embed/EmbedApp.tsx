"use client";

import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { fullMapPath } from "@/geo/embed";
import type { StoryBundle } from "@/geo/story";
import type { TileSetting } from "@/geo/tiles";
import { isOpeningState, serializeViewState } from "@/geo/url-state";
import { ActorFilter } from "../ActorFilter";
import { MapLoader, storyMapProps } from "../map/MapLoader";
import { PartBoundary } from "../PartBoundary";
import { StatusNotice } from "../StatusNotice";
import { StoryProvider } from "../StoryContext";
import { StoryTimeline } from "../timeline/StoryTimeline";
import { useStoryView } from "../useStoryView";
import { useParentHeight } from "./useParentHeight";

export interface EmbedAppProps {
  bundle: StoryBundle;
  tiles: TileSetting;
  /** The map's first view, laid out by the server (components/map/FirstView.tsx). */
  firstView?: ReactNode;
}

/**
 * A story's map inside another site's article: the map, its legend (the actor filter) and the
 * timeline, in one column that is as tall as its content, with the same URL state as the story's
 * page. No panels, no article: "Open the full map" takes the reader to the story's page, with this
 * view, in a new window (the frame may be sandboxed, and the site's pages are not framed).
 */
export function EmbedApp({ bundle: pageBundle, tiles, firstView }: EmbedAppProps) {
  const { bundle, state, notices, view, actions } = useStoryView(pageBundle);
  const [engaged, setEngaged] = useState(false);
  const engage = useCallback(() => setEngaged(true), []);
  const root = useRef<HTMLDivElement>(null);
  useParentHeight(root);

  const storyId = bundle.story.id;
  const stories = useMemo(
    () => ({ [storyId]: { dateline: bundle.story.dateline, path: fullMapPath(storyId) } }),
    [storyId, bundle.story.dateline],
  );
  const fullMap = fullMapPath(storyId, serializeViewState(state));

  return (
    <StoryProvider dateline={bundle.story.dateline} actors={bundle.actors} stories={stories} linksOpenOutside>
      <div className="embed" ref={root}>
        <header className="embed-header">
          <p className="embed-title">
            <span className="brand">Dateline</span> {bundle.story.title}
          </p>
          <a className="embed-open" href={fullMap} target="_blank" rel="noopener">
            Open the full map<span aria-hidden="true"> ↗</span>
          </a>
        </header>
        <StatusNotice notices={notices} />
        <main className="embed-map" aria-label="Map of the story's events">
          <PartBoundary name="The map" instead="The full map has the events and the article." className="map">
            <MapLoader
              {...storyMapProps({ bundle, view, state, actions }, tiles)}
              engageToExplore
              onEngaged={engage}
              firstView={firstView}
              showFirstView={isOpeningState(state)}
            />
          </PartBoundary>
          {!engaged && (
            <p className="embed-hint" aria-hidden="true">
              Click or tap the map to zoom and pan
            </p>
          )}
        </main>
        <p className="embed-summary" aria-live="polite">{`${view.counts.shown} of ${view.counts.total} events`}</p>
        <PartBoundary name="The actor filter" instead="The map still works.">
          <ActorFilter
            actors={bundle.actors}
            selected={state.actors ?? []}
            counts={view.actorCounts}
            onChange={actions.setActors}
            onToggle={actions.toggleActor}
          />
        </PartBoundary>
        <StoryTimeline bundle={bundle} view={view} state={state} onChange={actions.setDates} />
      </div>
    </StoryProvider>
  );
}
