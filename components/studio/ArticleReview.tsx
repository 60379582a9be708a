"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { StoryReview } from "@/geo/studio/review";
import { segmentsOf, type Segment } from "@/geo/studio/segments";
import { caretOffset, placeCaret, selectedSpan, type TextSpan } from "./articleSelection";
import type { Dispatch } from "./types";

export interface ArticleReviewProps {
  review: StoryReview;
  selected?: string;
  onSelect: (key: string) => void;
  dispatch: Dispatch;
}

type Make = "add-quote" | "add-mention";
const MADE: Record<Make, string> = { "add-quote": "a quote (a new event)", "add-mention": "a place mention" };

/** The proposal drawn at a caret: the mention before the quote, the piece after the caret before the one it ends. */
function proposalAt(segments: readonly Segment[], offset: number, isMention: (key: string) => boolean): string | undefined {
  const piece =
    segments.find((s) => s.start <= offset && offset < s.end && s.covering.length > 0) ??
    segments.find((s) => s.end === offset && s.covering.length > 0);
  return piece && (piece.covering.find(isMention) ?? piece.covering[0]);
}

/**
 * The article in full with every mention and quote highlighted, as text nodes. Selecting words
 * offers to make them a quote or a place mention; the offsets come from the selection.
 *
 * The keyboard selects as in any text editor, because the text is a read-only text box: it takes
 * the focus and a caret (contenteditable), so Shift with the arrow keys, Ctrl+Shift with them (a
 * word at a time), Shift+Home and Shift+End select as an editor's fingers already know, and a
 * screen reader reads the caret's words and says what is selected. Then Q makes the selection a
 * quote and M a place mention, without leaving the text; Enter on a highlight opens its proposal.
 * A word-by-word mode of our own would have been one more thing to learn, and would not reach the
 * "Iran" in "Iran's". Nothing can change the text: every edit the browser offers (typing,
 * pasting, dropping, cutting) is refused at `beforeinput`, and should one that cannot be refused
 * get through (an input method's composition), the text is drawn afresh from the review.
 */
export function ArticleReview({ review, selected, onSelect, dispatch }: ArticleReviewProps) {
  const root = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<TextSpan>();
  const [made, setMade] = useState<string>();
  // Bumped when the browser changed the text despite beforeinput: a new element, drawn from the review.
  const [redraw, setRedraw] = useState(0);
  // Where the caret goes once the text is drawn again: after the words made into a mention or a
  // quote, or where it was when the text had to be drawn afresh (which takes the focus back too).
  const caretAfterDraw = useRef<{ offset: number; refocus: boolean } | undefined>(undefined);
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

  useEffect(
    function keepTheTextReadOnly() {
      const element = root.current;
      if (!element) return;
      const refuse = (event: Event) => event.preventDefault();
      const drawAfresh = () => {
        caretAfterDraw.current = { offset: caretOffset(element) ?? 0, refocus: true };
        setRedraw((n) => n + 1);
      };
      element.addEventListener("beforeinput", refuse);
      element.addEventListener("input", drawAfresh);
      return () => {
        element.removeEventListener("beforeinput", refuse);
        element.removeEventListener("input", drawAfresh);
      };
    },
    [redraw],
  );

  useLayoutEffect(
    function putTheCaretBack() {
      const wanted = caretAfterDraw.current;
      caretAfterDraw.current = undefined;
      if (!wanted || !root.current) return;
      if (wanted.refocus) root.current.focus();
      if (document.activeElement === root.current) placeCaret(root.current, wanted.offset);
    },
    [segments, redraw],
  );

  useEffect(
    function followTheSelection() {
      // A phone's long-press and its handles change the selection with no mouseup or keyup, so
      // the selection itself is followed, however it was made. One that leaves the text (a tap
      // on "Make a quote") is not the editor's next choice and keeps the words chosen.
      const readSelection = () => {
        const element = root.current;
        const anchor = window.getSelection()?.anchorNode;
        if (element && anchor && element.contains(anchor)) setSpan(selectedSpan(element, text));
      };
      document.addEventListener("selectionchange", readSelection);
      return () => document.removeEventListener("selectionchange", readSelection);
    },
    [text],
  );

  function make(type: Make) {
    const chosen = (root.current && selectedSpan(root.current, text)) ?? span;
    if (!chosen) return;
    dispatch({ type, ...chosen });
    setMade(`Made “${text.slice(chosen.start, chosen.end)}” ${MADE[type]}: it is in the proposals, to review.`);
    setSpan(undefined);
    // In the text, the caret waits after the words, for the next selection; from a button, no selection stays.
    if (root.current && document.activeElement === root.current) {
      caretAfterDraw.current = { offset: chosen.end, refocus: false };
      window.getSelection()?.collapseToEnd();
    } else window.getSelection()?.removeAllRanges();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === "q" || key === "m") {
      event.preventDefault();
      make(key === "q" ? "add-quote" : "add-mention");
    } else if (key === "escape" && root.current && selectedSpan(root.current, text)) {
      event.preventDefault();
      window.getSelection()?.collapseToEnd();
      setSpan(undefined);
    } else if (key === "enter") {
      event.preventDefault();
      const offset = root.current && caretOffset(root.current);
      const target = offset === undefined || offset === null ? undefined : proposalAt(segments, offset, (k) => mentionKeys.has(k));
      if (target) onSelect(target);
    }
  }

  return (
    <section className="studio-article" aria-labelledby="studio-article-heading">
      <h2 id="studio-article-heading">The article</h2>
      <p className="studio-hint" id="studio-article-keys">
        Select words to make them a quote or a place mention: with the mouse, or in the text with Shift and the arrow keys (Ctrl+Shift for
        words). Then Q makes a quote, M a place mention; Enter on a highlight opens it.
      </p>
      {/* The words selected and what to make of them; else what was made last, said to a screen reader too. */}
      <div className="studio-selection">
        {span ? (
          <>
            <span className="studio-selected-text">“{text.slice(span.start, span.end)}”</span>
            <button type="button" aria-keyshortcuts="Q" onClick={() => make("add-quote")}>
              Make a quote (new event)
            </button>
            <button type="button" aria-keyshortcuts="M" onClick={() => make("add-mention")}>
              Make a place mention
            </button>
          </>
        ) : null}
        <p className="studio-made" role="status">
          {span ? null : made}
        </p>
      </div>
      <div
        key={redraw}
        className="studio-text"
        ref={root}
        data-length={text.length}
        role="textbox"
        aria-readonly="true"
        aria-multiline="true"
        aria-labelledby="studio-article-heading"
        aria-describedby="studio-article-keys"
        contentEditable
        suppressContentEditableWarning
        spellCheck={false}
        // No on-screen keyboard on a phone: nothing is typed here.
        inputMode="none"
        onKeyDown={onKeyDown}
      >
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
