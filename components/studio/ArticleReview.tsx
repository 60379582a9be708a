"use client";

import { useMemo, useRef, useState } from "react";
import { trimmedSpan } from "@/geo/studio/edit";
import type { StoryReview } from "@/geo/studio/review";
import { segmentsOf } from "@/geo/studio/segments";
import type { Dispatch } from "./types";

/** The offset into the article of a DOM selection point: each piece's span carries its start. */
function offsetOf(root: HTMLElement, node: Node, offset: number): number | undefined {
  const piece = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>("[data-start]");
  if (piece && root.contains(piece)) return Number(piece.dataset.start) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  if (node === root) {
    const child = root.childNodes[offset] as HTMLElement | undefined;
    return child?.dataset?.start !== undefined ? Number(child.dataset.start) : Number(root.dataset.length);
  }
  return undefined;
}

export interface ArticleReviewProps {
  review: StoryReview;
  selected?: string;
  onSelect: (key: string) => void;
  dispatch: Dispatch;
}

/**
 * The article in full with every mention and quote highlighted, as text nodes. Selecting words
 * offers to make them a quote or a place mention; the offsets come from the selection.
 */
export function ArticleReview({ review, selected, onSelect, dispatch }: ArticleReviewProps) {
  const root = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<{ start: number; end: number }>();
  const { text } = review.meta;
  const live = useMemo(
    () => [
      ...review.mentions.filter((m) => m.status !== "rejected").map((m) => ({ key: m.key, start: m.start, end: m.end })),
      ...review.events.filter((e) => e.status !== "rejected").map((e) => ({ key: e.key, ...e.quote })),
    ],
    [review.mentions, review.events],
  );
  const segments = useMemo(() => segmentsOf(text, live), [text, live]);
  const mentionKeys = useMemo(() => new Set(review.mentions.map((m) => m.key)), [review.mentions]);

  function readSelection() {
    const selection = window.getSelection();
    if (!root.current || !selection || selection.rangeCount === 0 || selection.isCollapsed) return setSpan(undefined);
    const range = selection.getRangeAt(0);
    const start = offsetOf(root.current, range.startContainer, range.startOffset);
    const end = offsetOf(root.current, range.endContainer, range.endOffset);
    setSpan(start === undefined || end === undefined ? undefined : trimmedSpan(text, start, end));
  }

  function make(type: "add-quote" | "add-mention") {
    if (!span) return;
    dispatch({ type, ...span });
    window.getSelection()?.removeAllRanges();
    setSpan(undefined);
  }

  return (
    <section className="studio-article" aria-labelledby="studio-article-heading">
      <h2 id="studio-article-heading">The article</h2>
      <p className="studio-hint">Select words to make them a quote or a place mention.</p>
      <div className="studio-selection" aria-live="polite">
        {span ? (
          <>
            <span className="studio-selected-text">“{text.slice(span.start, span.end)}”</span>
            <button type="button" onClick={() => make("add-quote")}>
              Make a quote (new event)
            </button>
            <button type="button" onClick={() => make("add-mention")}>
              Make a place mention
            </button>
          </>
        ) : null}
      </div>
      <div className="studio-text" ref={root} data-length={text.length} onMouseUp={readSelection} onKeyUp={readSelection}>
        {segments.map((segment) => {
          const mention = segment.covering.find((k) => mentionKeys.has(k));
          const quote = segment.covering.find((k) => !mentionKeys.has(k));
          const target = mention ?? quote;
          return (
            <span
              key={segment.start}
              data-start={segment.start}
              className={[quote && "is-quote", mention && "is-mention", selected && segment.covering.includes(selected) && "is-selected"]
                .filter(Boolean)
                .join(" ")}
              onClick={target ? () => window.getSelection()?.isCollapsed !== false && onSelect(target) : undefined}
            >
              {segment.text}
            </span>
          );
        })}
      </div>
    </section>
  );
}
