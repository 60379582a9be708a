"use client";

import { useCallback, useMemo, useState, type ReactNode } from "react";
import type { StoryBundle } from "@/geo/story";
import { isOpeningState } from "@/geo/url-state";
import type { TileSetting } from "@/geo/tiles";
import { ArticlePanel } from "./article/ArticlePanel";
import { MapLoader, storyMapProps } from "./map/MapLoader";
import { PartBoundary } from "./PartBoundary";
import { StoryTimeline } from "./timeline/StoryTimeline";
import { StoryPanel } from "./StoryPanel";
import { StoryProvider } from "./StoryContext";
import { useStoryView } from "./useStoryView";

export interface DatelineAppProps {
  bundle: StoryBundle;
  tiles: TileSetting;
  /** The map's first view, laid out by the server (components/map/FirstView.tsx). */
  firstView?: ReactNode;
}

/** The page: the story panel beside the map, both driven by the view state in the URL. */
export function DatelineApp({ bundle: pageBundle, tiles, firstView }: DatelineAppProps) {
  const { bundle, loading, error, state, notices, view, actions: viewActions } = useStoryView(pageBundle);
  const [panelOpen, setPanelOpen] = useState(false);
  const [articleOpen, setArticleOpen] = useState(false);
  // The place whose popup the reader opened on the map itself: the map need not fly there.
  const [openedOnMap, setOpenedOnMap] = useState<string>();
  // The event whose quote should take the keyboard focus once the reading panel shows it.
  const [quoteToFocus, setQuoteToFocus] = useState<string>();
  const quoteFocused = useCallback(() => setQuoteToFocus(undefined), []);

  const actions = useMemo(
    () => ({
      ...viewActions,
      selectEvent(eventId: string) {
        setPanelOpen(false);
        viewActions.selectEvent(eventId);
      },
      selectFromArticle(eventId: string) {
        // On a phone the article covers the map: get out of the way to show where it happened.
        if (window.matchMedia("(max-width: 760px)").matches) setArticleOpen(false);
        viewActions.selectEvent(eventId);
      },
      readInArticle(eventId: string) {
        setArticleOpen(true);
        setQuoteToFocus(eventId);
        viewActions.selectEvent(eventId);
      },
      openPlace(placeId: string) {
        setOpenedOnMap(placeId);
        viewActions.openPlace(placeId);
      },
    }),
    [viewActions],
  );

  return (
    <StoryProvider dateline={bundle.story.dateline} actors={bundle.actors} readInArticle={actions.readInArticle}>
      <div className="app" data-panel-open={panelOpen} data-article-open={articleOpen}>
        <nav className="skip-links" aria-label="Skip to">
          <a href="#event-list">Skip to the events</a>
          <a href="#map-area">Skip to the map</a>
          <a href="#article-heading" onClick={() => setArticleOpen(true)}>
            Skip to the article
          </a>
        </nav>
        <StoryPanel
          bundle={bundle}
          state={state}
          notices={notices}
          view={view}
          loading={loading ? pageBundle.deferred : undefined}
          loadError={error}
          open={panelOpen}
          onToggle={() => setPanelOpen((open) => !open)}
          onSelectEvent={actions.selectEvent}
          onActorsChange={actions.setActors}
          onActorToggle={actions.toggleActor}
          onResetFilters={actions.resetFilters}
          onOpenArticle={() => setArticleOpen(true)}
        />
        <main className="map-area" id="map-area" tabIndex={-1} aria-label="Map of the story's events">
          <PartBoundary name="The map" instead="The event list and the article still work." className="map">
            <MapLoader
              // The page's own openPlace: it remembers that the reader opened the place on the map.
              {...storyMapProps({ bundle, view, state, actions }, tiles)}
              focusOpenedOnMap={!state.event && view.focusPlace === openedOnMap}
              firstView={firstView}
              showFirstView={isOpeningState(state)}
            />
          </PartBoundary>
          <StoryTimeline bundle={bundle} view={view} state={state} onChange={actions.setDates} />
        </main>
        <PartBoundary name="The article" instead="The map and the event list still work." className="article-panel">
          <ArticlePanel
            story={bundle.story}
            // What the page carried: the whole of a small story; of a large one, the article's own
            // events, not its thousands of others from outside the article (geo/story.ts pageBundle).
            features={pageBundle.features}
            shownEvents={view.shownEventIds}
            focusedEvent={state.event}
            quoteToFocus={quoteToFocus}
            onQuoteFocused={quoteFocused}
            onSelectEvent={actions.selectFromArticle}
            onClose={() => setArticleOpen(false)}
          />
        </PartBoundary>
      </div>
    </StoryProvider>
  );
}
