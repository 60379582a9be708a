"use client";

import { useMemo } from "react";
import { formatContractDate } from "@/geo/dates";
import type { StoryBundle } from "@/geo/story";
import type { Notice, ViewState } from "@/geo/url-state";
import { ActorFilter } from "./ActorFilter";
import { CopyLinkButton } from "./CopyLinkButton";
import { DownloadLinks } from "./DownloadLinks";
import { PartBoundary } from "./PartBoundary";
import { EventList, type ListedEvent } from "./EventList";
import { StatusNotice } from "./StatusNotice";

export interface StoryPanelProps {
  bundle: StoryBundle;
  state: ViewState;
  notices: readonly Notice[];
  events: readonly ListedEvent[];
  totalEvents: number;
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
  const { bundle, state, notices, events, totalEvents, open } = props;
  const actorCounts = useMemo(() => {
    const counts = new Map<string, number>();
    const seen = new Set<string>();
    for (const f of bundle.features) {
      if (seen.has(f.properties.eventId)) continue;
      seen.add(f.properties.eventId);
      for (const actor of f.properties.actors) counts.set(actor, (counts.get(actor) ?? 0) + 1);
    }
    return counts;
  }, [bundle]);

  return (
    <aside className="panel" aria-label="The story and its events">
      <header className="panel-header">
        <p className="brand">Dateline</p>
        <h1>{bundle.story.title}</h1>
        <p className="dateline">
          <time dateTime={bundle.story.dateline}>{formatContractDate(bundle.story.dateline)}</time> · {bundle.story.source}
        </p>
        <div className="panel-actions">
          <CopyLinkButton what="this view" title={bundle.story.title} />
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
          Events <span className="summary">{`${events.length} of ${totalEvents} events`}</span>
        </h2>
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
        {events.length > 0 && <DownloadLinks state={state} count={events.length} />}
      </div>
    </aside>
  );
}
