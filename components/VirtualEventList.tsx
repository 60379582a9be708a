"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { EventItem, type EventListProps } from "./EventList";

/** A row's height before it is measured: date, title and meta lines. */
const ESTIMATED_ROW = 76;
const estimateSize = () => ESTIMATED_ROW;
/** Rows kept beyond each edge of the panel, so that Tab always has a next row to move to. */
const OVERSCAN = 6;

/**
 * The event list with only the rows on screen (and a few beyond) in the page, for stories of
 * thousands of events. The panel itself scrolls, as it does for a short list; each row says which
 * of how many it is (`aria-posinset`/`aria-setsize`), so a screen reader still tells "row 40 of
 * 10,000", and Tab moves from row to row as the panel scrolls the next one in.
 */
export function VirtualEventList({ events, focusedEvent, onSelect }: EventListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [scrollBox, setScrollBox] = useState<HTMLElement | null>(null);
  // How far below the top of the scrolling panel the list starts (the filter and the heading are above it).
  const [scrollMargin, setScrollMargin] = useState(0);

  useLayoutEffect(function findScrollBox() {
    const list = listRef.current;
    const box = list?.closest<HTMLElement>(".panel-body") ?? null;
    setScrollBox(box);
    if (!list || !box) return;
    const measure = () => setScrollMargin(list.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop);
    measure();
    // What sits above the list (a notice, the filter wrapping) may change its height.
    const observer = new ResizeObserver(measure);
    for (const child of box.children) if (child !== list) observer.observe(child);
    return () => observer.disconnect();
  }, []);

  // The virtualizer works out every row's place again (all 10,000 of them) whenever its key
  // function changes: one per list of events, not one per render.
  const getItemKey = useCallback((index: number) => events[index]?.eventId ?? index, [events]);
  // The React Compiler is off (next.config.js), so nothing memoises the virtualizer's functions:
  // it re-renders this component itself as the panel scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollBox,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey,
  });

  const focusedIndex = focusedEvent === undefined ? -1 : events.findIndex((e) => e.eventId === focusedEvent);
  useEffect(
    function scrollFocusedIntoView() {
      if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: "auto" });
    },
    [focusedIndex, virtualizer],
  );

  return (
    <ol className="event-list is-virtual" ref={listRef} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => {
        const event = events[row.index];
        if (!event) return null;
        return (
          <EventItem
            key={row.key}
            ref={virtualizer.measureElement}
            row={{ index: row.index, count: events.length, offset: row.start - scrollMargin }}
            event={event}
            focused={event.eventId === focusedEvent}
            onSelect={onSelect}
          />
        );
      })}
    </ol>
  );
}
