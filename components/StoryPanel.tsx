"use client";

import Link from "next/link";
import type { DeferredEvents, StoryBundle } from "@/geo/story";
import { serializeViewState, type Notice, type ViewState } from "@/geo/url-state";
import type { StoryView } from "@/geo/view";
import { ActorFilter } from "./ActorFilter";
import { Byline } from "./Byline";
import { CopyLinkButton } from "./CopyLinkButton";
import { DownloadLinks } from "./DownloadLinks";
import { EmbedCodeButton } from "./EmbedCodeButton";
import { PartBoundary } from "./PartBoundary";
import { EventList } from "./EventList";
import { StatusNotice } from "./StatusNotice";

export interface StoryPanelProps {
  bundle: StoryBundle;
  state: ViewState;
  notices: readonly Notice[];
  /** The events, counts and actor counts that the state shows (geo/view.ts). */
  view: Pick<StoryView, "events" | "counts" | "actorCounts">;
  /** Set while a large story's events are on their way (geo/story.ts `deferred`). */
  loading?: DeferredEvents;
  /** Why they could not be fetched. */
  loadError?: string;
  /** On phones the panel is a bottom sheet; this says whether it is pulled up. */
  open: boolean;
  onToggle: () => void;
  onSelectEvent: (eventId: string) => void;
  onActorsChange: (actors: string[]) => void;
  onActorToggle: (actor: string) => void;
  onResetFilters: () => void;
  /** Opens the reading panel where it is a drawer (narrow screens). */
  onOpenArticle: () => void;
}

/** The side panel: the story's title and dateline, the actor legend and filter, and the event list. */
export function StoryPanel(props: StoryPanelProps) {
  const { bundle, state, notices, view, open, loading, loadError } = props;
  const { events, counts, actorCounts } = view;

  return (
    <aside className="panel" aria-label="The story and its events">
      <header className="panel-header">
        <p className="brand">
          Dateline · <Link href="/stories">All stories</Link>
        </p>
        <h1>{bundle.story.title}</h1>
        <Byline story={bundle.story} className="dateline" />
        <div className="panel-actions">
          <CopyLinkButton what="this view" title={bundle.story.title} />
          <EmbedCodeButton storyId={bundle.story.id} title={bundle.story.title} query={serializeViewState(state)} />
          <button type="button" className="chip open-article" onClick={props.onOpenArticle}>
            Read the article
          </button>
        </div>
        <button type="button" className="panel-toggle" aria-expanded={open} aria-controls="panel-body" onClick={props.onToggle}>
          {open ? "Show the map" : `Events (${events.length})`}
        </button>
      </header>
      <StatusNotice notices={notices} />
      <div className="panel-body" id="panel-body">
        <PartBoundary name="The actor filter" instead="The event list still works.">
          <ActorFilter
            actors={bundle.actors}
            selected={state.actors ?? []}
            counts={actorCounts}
            onChange={props.onActorsChange}
            onToggle={props.onActorToggle}
          />
        </PartBoundary>
        <h2 className="list-heading" id="event-list" tabIndex={-1}>
          Events <span className="summary">{`${counts.shown} of ${counts.total} events`}</span>
        </h2>
        <p role="status" className={loading || loadError ? "events-loading" : "events-loading notice-empty"}>
          {loading &&
            `Loading all ${loading.eventCount.toLocaleString("en-GB")} events at ${loading.placeCount.toLocaleString("en-GB")} places…`}
          {loadError && `The story's other events could not be loaded (${loadError}): the article's own events are shown.`}
        </p>
        {events.length === 0 ? (
          <p className="empty">
            No event matches these filters.{" "}
            <button type="button" className="link-button" onClick={props.onResetFilters}>
              Show all events
            </button>
          </p>
        ) : (
          <EventList events={events} focusedEvent={state.event} onSelect={props.onSelectEvent} />
        )}
        {events.length > 0 && <DownloadLinks story={bundle.story.id} state={state} count={events.length} />}
      </div>
    </aside>
  );
}
