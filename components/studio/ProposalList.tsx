"use client";

import { useRef, type KeyboardEvent } from "react";
import type { PlaceFeature } from "@/geo/schema";
import type { ReviewStatus, StoryReview } from "@/geo/studio/review";
import type { Dispatch } from "./types";

interface Row {
  key: string;
  kind: "place" | "event";
  label: string;
  detail: string;
  status: ReviewStatus;
}

function rowsOf(review: StoryReview, placeName: (id: string | null) => string | undefined): Row[] {
  const mentions = review.mentions.map((m) => ({
    key: m.key,
    kind: "place" as const,
    label: m.text,
    detail: placeName(m.placeId) ?? "no place chosen",
    status: m.status,
    at: m.start,
  }));
  const events = review.events.map((e) => ({
    key: e.key,
    kind: "event" as const,
    label: e.title,
    detail: e.date || "no date",
    status: e.status,
    at: e.quote.start,
  }));
  return [...mentions, ...events].sort((a, b) => a.at - b.at || (a.kind === "place" ? 1 : -1));
}

export interface ProposalListProps {
  review: StoryReview;
  places: readonly PlaceFeature[];
  selected?: string;
  onSelect: (key: string) => void;
  dispatch: Dispatch;
}

const STATUS_TEXT: Record<ReviewStatus, string> = { proposed: "to review", accepted: "accepted", rejected: "rejected" };

/**
 * Every proposal in the article's order, one focusable row each: the arrow keys move, Enter
 * accepts, Delete rejects, and the row opens in the editor beside it. The mouse does the same.
 */
export function ProposalList({ review, places, selected, onSelect, dispatch }: ProposalListProps) {
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const byId = new Map([...places, ...review.newPlaces].map((p) => [p.id, p.properties.name]));
  const rows = rowsOf(review, (id) => (id === null ? undefined : byId.get(id)));
  const current = rows.findIndex((r) => r.key === selected);

  function setStatus(row: Row, status: ReviewStatus) {
    dispatch(row.kind === "place" ? { type: "mention-status", key: row.key, status } : { type: "event-status", key: row.key, status });
  }

  function move(to: number) {
    const row = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!row) return;
    onSelect(row.key);
    rowRefs.current.get(row.key)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, row: Row, index: number) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(index + 1),
      ArrowUp: () => move(index - 1),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => setStatus(row, "accepted"),
      Delete: () => setStatus(row, "rejected"),
      Backspace: () => setStatus(row, "rejected"),
    };
    const handler = keys[event.key];
    if (!handler || event.target !== event.currentTarget) return;
    event.preventDefault();
    handler();
  }

  const counts = { proposed: 0, accepted: 0, rejected: 0 };
  for (const row of rows) counts[row.status] += 1;

  return (
    <section className="studio-proposals" aria-labelledby="studio-proposals-heading">
      <h2 id="studio-proposals-heading">Proposals</h2>
      <p className="studio-hint" id="studio-proposals-keys">
        {counts.proposed} to review, {counts.accepted} accepted, {counts.rejected} rejected. ↑ ↓ move, Enter accepts, Delete rejects.
      </p>
      <ul role="listbox" aria-label="Proposals" aria-describedby="studio-proposals-keys" className="studio-proposal-list">
        {rows.map((row, index) => (
          <li
            key={row.key}
            ref={(element) => {
              if (element) rowRefs.current.set(row.key, element);
              else rowRefs.current.delete(row.key);
            }}
            role="option"
            aria-selected={row.key === selected}
            tabIndex={row.key === selected || (current === -1 && index === 0) ? 0 : -1}
            data-proposal={row.key}
            data-status={row.status}
            className="studio-proposal"
            onClick={() => onSelect(row.key)}
            onFocus={() => row.key !== selected && onSelect(row.key)}
            onKeyDown={(event) => onKeyDown(event, row, index)}
          >
            <span className="studio-proposal-kind">{row.kind === "place" ? "Place" : "Event"}</span>
            <span className="studio-proposal-label">{row.label}</span>
            <span className="studio-proposal-detail">{row.detail}</span>
            <span className="studio-proposal-status">{STATUS_TEXT[row.status]}</span>
            {/* The mouse's shortcuts for Enter and Delete. An option's content is presentational, so
                they cannot be buttons of their own (axe: nested-interactive); the keyboard and a
                screen reader use the keys the list describes, or the editor's Accept and Reject. */}
            <span className="studio-proposal-buttons" aria-hidden="true">
              <span className="studio-proposal-button" title="Accept" onClick={() => setStatus(row, "accepted")}>
                ✓
              </span>
              <span className="studio-proposal-button" title="Reject" onClick={() => setStatus(row, "rejected")}>
                ✕
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
