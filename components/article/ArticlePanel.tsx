"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { formatContractDate } from "@/geo/dates";
import type { EventFeature } from "@/geo/join";
import { articleOrder, textRuns } from "@/geo/quotes";
import type { Story } from "@/geo/schema";
import { distinctEvents } from "@/geo/timeline";
import { Byline } from "../Byline";
import { ProvenanceMark } from "../ProvenanceMark";
import { useStory } from "../StoryContext";
import { ArticleText, type QuoteInfo } from "./ArticleText";
import { StoryStepper, storyKey } from "./StoryStepper";
import { prefersReducedMotion } from "../motion";

export interface ArticlePanelProps {
  story: Story;
  /** Every feature of the story, and those that pass the filters. */
  features: readonly EventFeature[];
  shownEvents: ReadonlySet<string>;
  focusedEvent?: string;
  /** An event whose quote button should take the keyboard focus once it is drawn ("Read in the article"). */
  quoteToFocus?: string;
  onQuoteFocused?: () => void;
  onSelectEvent: (eventId: string) => void;
  /** Narrow screens show the panel as a drawer: this closes it. */
  onClose: () => void;
}

/**
 * The reading panel: the article's full text with each event's quote highlighted, story mode,
 * and the facts Dateline added from outside the article, each with its citation.
 */
export function ArticlePanel(props: ArticlePanelProps) {
  const { story, features, shownEvents, focusedEvent, quoteToFocus, onQuoteFocused, onSelectEvent, onClose } = props;
  const { actorsById } = useStory();
  const events = useMemo(() => articleOrder(distinctEvents(features).map((f) => f.properties)), [features]);
  const steps = useMemo(() => events.map((e) => e.eventId), [events]);
  const runs = useMemo(
    () =>
      textRuns(
        story.text,
        events.map((e) => ({ eventId: e.eventId, start: e.quoteStart, end: e.quoteEnd })),
      ),
    [story.text, events],
  );
  const quotes = useMemo(
    () =>
      new Map<string, QuoteInfo>(
        events.map((e, i) => [e.eventId, { step: i + 1, title: e.title, actors: e.actors.flatMap((id) => actorsById.get(id) ?? []) }]),
      ),
    [events, actorsById],
  );
  const contextFacts = useMemo(() => contextFactsOf(features), [features]);
  const scroller = useRef<HTMLDivElement>(null);
  // Each quote's button, by event id: filled by ArticleText's refs, read once they are drawn.
  const [quoteButtons] = useState(() => new Map<string, HTMLButtonElement>());

  useEffect(
    function focusQuoteWhenAsked() {
      if (!quoteToFocus) return;
      quoteButtons.get(quoteToFocus)?.focus({ preventScroll: true });
      onQuoteFocused?.();
    },
    [quoteToFocus, onQuoteFocused, quoteButtons],
  );

  useEffect(
    function scrollToFocusedQuote() {
      if (!focusedEvent) return;
      const box = scroller.current;
      const mark = box?.querySelector<HTMLElement>(`mark[data-event="${CSS.escape(focusedEvent)}"]`);
      if (!box || !mark) return;
      // Scroll the panel's own box only: scrollIntoView would scroll every ancestor, the page too.
      const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
      const top = box.scrollTop + offset - box.clientHeight / 3;
      box.scrollTo({ top, behavior: prefersReducedMotion() ? "auto" : "smooth" });
    },
    [focusedEvent],
  );

  return (
    <aside className="article-panel" aria-labelledby="article-heading" onKeyDown={(e) => storyKey(e, steps, focusedEvent, onSelectEvent)}>
      <header className="article-header">
        <h2 id="article-heading" tabIndex={-1}>
          The article
        </h2>
        <button type="button" className="chip article-close" onClick={onClose}>
          Close
        </button>
        <StoryStepper steps={steps} current={focusedEvent} onGo={onSelectEvent} />
      </header>
      <div className="article-scroll" ref={scroller}>
        <Byline story={story} className="article-meta" />
        <ArticleText
          runs={runs}
          quotes={quotes}
          focusedEvent={focusedEvent}
          shownEvents={shownEvents}
          onSelect={onSelectEvent}
          buttons={quoteButtons}
        />
        {contextFacts.length > 0 && (
          <section className="context-facts" aria-labelledby="context-heading">
            <h3 id="context-heading">Not in the article: what Dateline added</h3>
            <ul>
              {contextFacts.map((fact) => (
                <li key={fact.key}>
                  {fact.text} <ProvenanceMark provenance={fact.provenance} what={fact.what} />
                </li>
              ))}
            </ul>
          </section>
        )}
        {story.sourceNote !== undefined && (
          <section className="article-about" aria-labelledby="article-about-heading">
            <h3 id="article-about-heading">About this article</h3>
            <p>{story.sourceNote}</p>
          </section>
        )}
      </div>
    </aside>
  );
}

interface ContextFact {
  key: string;
  text: string;
  what: string;
  provenance: EventFeature["properties"]["provenance"];
}

/** Every place and date that came from outside the article, one line each. */
function contextFactsOf(features: readonly EventFeature[]): ContextFact[] {
  const facts: ContextFact[] = [];
  const seenDates = new Set<string>();
  for (const { properties: p } of features) {
    if (p.placeProvenance.kind === "context") {
      facts.push({
        key: `${p.eventId}@${p.placeId}`,
        text: `${p.placeName}, for “${p.title}”.`,
        what: "This place",
        provenance: p.placeProvenance,
      });
    }
    if (p.dateProvenance.kind === "context" && !seenDates.has(p.eventId)) {
      seenDates.add(p.eventId);
      facts.push({
        key: `${p.eventId}#date`,
        text: `The date, ${formatContractDate(p.date)}, of “${p.title}”.`,
        what: "This date",
        provenance: p.dateProvenance,
      });
    }
  }
  return facts;
}
