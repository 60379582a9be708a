"use client";

import type { CSSProperties } from "react";
import type { TextRun } from "@/geo/quotes";
import type { Actor } from "@/geo/schema";

export interface QuoteInfo {
  step: number;
  title: string;
  actors: readonly Actor[];
}

export interface ArticleTextProps {
  runs: readonly TextRun[];
  quotes: ReadonlyMap<string, QuoteInfo>;
  focusedEvent?: string;
  /** Events that pass the filters; the others' highlights are drawn faintly. */
  shownEvents: ReadonlySet<string>;
  onSelect: (eventId: string) => void;
  /** Filled with each quote's button by event id, so that the panel can put the focus on one. */
  buttons?: Map<string, HTMLButtonElement>;
}

/** A highlight's colours: a tint of its first actor, and a stripe of each actor's colour under it. */
function markStyle(actors: readonly Actor[]): CSSProperties {
  const stripes = actors.map((a, i) => `${a.color} ${(i / actors.length) * 100}% ${((i + 1) / actors.length) * 100}%`).join(", ");
  return { backgroundColor: `${actors[0]?.color ?? "#888888"}26`, borderImage: `linear-gradient(90deg, ${stripes}) 1` };
}

/**
 * The article's words, verbatim, with each event's supporting quote in a `<mark>`. Each mark is
 * followed by a numbered button (its step in story mode) that focuses the event; the number is
 * CSS-generated, so the mark's text stays exactly the article's.
 */
export function ArticleText({ runs, quotes, focusedEvent, shownEvents, onSelect, buttons }: ArticleTextProps) {
  const render = (list: readonly TextRun[]) =>
    list.map((run) => {
      if (run.kind === "text") return run.text;
      const info = quotes.get(run.eventId);
      const classes = [
        "quote-mark",
        run.eventId === focusedEvent ? "is-active" : "",
        shownEvents.has(run.eventId) ? "" : "is-filtered-out",
      ];
      return (
        <span key={`${run.eventId}-${run.start}`} className="quote-wrap">
          {/* Clicking the words is a shortcut; the button after them is the keyboard's way in. */}
          <mark
            data-event={run.eventId}
            className={classes.join(" ")}
            style={markStyle(info?.actors ?? [])}
            onClick={(e) => {
              e.stopPropagation();
              onSelect(run.eventId);
            }}
          >
            {render(run.children)}
          </mark>
          <button
            type="button"
            className="quote-ref"
            data-quote-ref={run.eventId}
            ref={(element) => {
              if (element) buttons?.set(run.eventId, element);
              else buttons?.delete(run.eventId);
            }}
            data-step={info?.step}
            aria-label={`Show on the map: ${info?.title ?? run.eventId}`}
            aria-current={run.eventId === focusedEvent || undefined}
            onClick={() => onSelect(run.eventId)}
          />
        </span>
      );
    });
  return <div className="article-text">{render(runs)}</div>;
}
