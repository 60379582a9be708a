"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef } from "react";
import type { EventFeature } from "@/geo/join";
import type { ListedEvent } from "@/geo/view";
import { ActorSwatch } from "./ActorChip";
import { CopyLinkButton } from "./CopyLinkButton";
import { ReadInArticle } from "./ReadInArticle";
import { DateText } from "./DateText";
import { VIRTUALISE_ABOVE } from "@/geo/thresholds";
import { useStory } from "./StoryContext";

/**
 * The list of a long story (more than VIRTUALISE_ABOVE events, geo/thresholds.ts), with
 * @tanstack/react-virtual: fetched only when a list is that long, so a short story never loads it.
 * While it comes, an empty list of the same kind holds its place.
 */
const VirtualEventList = dynamic(() => import("./VirtualEventList").then((m) => m.VirtualEventList), {
  loading: () => <ol className="event-list is-virtual" aria-busy="true" />,
});

export interface EventListProps {
  events: readonly ListedEvent[];
  focusedEvent?: string;
  onSelect: (eventId: string) => void;
}

/** Whether any fact of the event (a place, its date, itself) comes from outside the article. */
function hasContext(features: readonly EventFeature[]): boolean {
  return features.some((f) =>
    [f.properties.provenance, f.properties.placeProvenance, f.properties.dateProvenance].some((p) => p.kind === "context"),
  );
}

/**
 * The chronological event list: a complete alternative to the map, with each event's date, place
 * and actors. Choosing an item focuses its event on the map.
 */
export function EventList(props: EventListProps) {
  return props.events.length > VIRTUALISE_ABOVE ? <VirtualEventList {...props} /> : <FullEventList {...props} />;
}

/** Every row in the page. */
function FullEventList({ events, focusedEvent, onSelect }: EventListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(
    function scrollFocusedIntoView() {
      if (!focusedEvent) return;
      const item = listRef.current?.querySelector<HTMLElement>(`[data-event="${CSS.escape(focusedEvent)}"]`);
      const box = listRef.current?.closest<HTMLElement>(".panel-body");
      if (!item || !box) return;
      // Scroll the panel only, and only as far as needed: scrollIntoView would move the page too.
      const [itemBox, panelBox] = [item.getBoundingClientRect(), box.getBoundingClientRect()];
      if (itemBox.top < panelBox.top) box.scrollTop -= panelBox.top - itemBox.top;
      else if (itemBox.bottom > panelBox.bottom) box.scrollTop += itemBox.bottom - panelBox.bottom;
    },
    [focusedEvent],
  );
  return (
    <ol className="event-list" ref={listRef}>
      {events.map((event) => (
        <EventItem key={event.eventId} event={event} focused={event.eventId === focusedEvent} onSelect={onSelect} />
      ))}
    </ol>
  );
}

export interface EventItemProps {
  event: ListedEvent;
  focused: boolean;
  onSelect: (eventId: string) => void;
  /** In a virtual list: which row of how many this is, and where it is drawn. */
  row?: { index: number; count: number; offset: number };
  ref?: React.Ref<HTMLLIElement>;
}

/** One row: the event's date, title, places and actors, and what can be done with it. */
export function EventItem({ event, focused, onSelect, row, ref }: EventItemProps) {
  const { dateline, actorsById } = useStory();
  const { eventId, features } = event;
  const first = features[0];
  if (!first) return null;
  const p = first.properties;
  return (
    <li
      ref={ref}
      data-event={eventId}
      className={focused ? "event-item focused" : "event-item"}
      aria-current={focused || undefined}
      data-index={row?.index}
      aria-setsize={row?.count}
      aria-posinset={row && row.index + 1}
      style={row && { transform: `translateY(${row.offset}px)` }}
    >
      <button type="button" className="event-button" onClick={() => onSelect(eventId)}>
        <span className="event-item-date">
          <DateText date={p.date} dateline={dateline} />
        </span>
        <span className="event-item-title">{p.title}</span>
        <span className="event-item-meta">
          <span className="event-item-places">{features.map((f) => f.properties.placeName).join(" · ")}</span>
          <span className="event-item-actors">
            {p.actors.map((id) => {
              const actor = actorsById.get(id);
              return actor ? <ActorSwatch key={id} actor={actor} /> : null;
            })}
            <span className="visually-hidden">{`Actors: ${p.actors.map((id) => actorsById.get(id)?.name ?? id).join(", ")}`}</span>
          </span>
        </span>
      </button>
      <div className="event-item-actions">
        {hasContext(features) && (
          <span className="context-tag" title="Part of this event comes from outside the article">
            context
          </span>
        )}
        <ReadInArticle eventId={eventId} storyId={p.story} />
        <CopyLinkButton path={`/events/${eventId}`} what={`the event “${p.title}”`} title={p.title} />
      </div>
    </li>
  );
}
