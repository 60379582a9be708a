/**
 * The article's text cut into runs for highlighting: plain text, and quotes as nested nodes, so
 * each event's quote is one `<mark>` whose text is exactly the article at its offsets, even when
 * one quote lies inside another ("armed rebels reached the capital" inside Soleimani's sentence).
 */

/** An event's quote as offsets into the article; an event of the context layer has none, and is left out. */
export interface QuoteRange {
  eventId: string;
  start?: number;
  end?: number;
}

/** A quote that has offsets into the text. */
interface Quote {
  eventId: string;
  start: number;
  end: number;
}

export type TextRun = { kind: "text"; text: string } | { kind: "quote"; eventId: string; start: number; end: number; children: TextRun[] };

function byStartThenLongest(a: Quote, b: Quote): number {
  return a.start - b.start || b.end - a.end || (a.eventId < b.eventId ? -1 : 1);
}

/**
 * The runs of `text` from `from` to `to`, given the quotes inside that range sorted by
 * `byStartThenLongest`. One pass: each quote is taken once from the sorted list; a quote that
 * overflows the one before it waits in `pending` and comes next, which keeps the order sorted
 * without sorting again (it starts before the previous quote's end, every quote still in the list
 * starts at or after it).
 */
function runs(text: string, from: number, to: number, quotes: readonly Quote[]): TextRun[] {
  const out: TextRun[] = [];
  let cursor = from;
  let index = 0;
  let pending: Quote[] = [];
  let next = 0;
  const take = (): Quote | undefined => (next < pending.length ? pending[next++] : quotes[index++]);
  for (let quote = take(); quote !== undefined; quote = take()) {
    // A quote that starts inside the previous one but runs past it is cut where that one ends.
    const start = Math.max(quote.start, cursor);
    const end = Math.min(quote.end, to);
    if (start >= end) continue;
    if (start > cursor) out.push({ kind: "text", text: text.slice(cursor, start) });
    const nested: Quote[] = [];
    const overflow: Quote[] = [];
    const sort = (inside: Quote) => (inside.end <= end ? nested : overflow).push(inside);
    // Every pending quote starts before `cursor`, so inside this one; then the list's, while they start inside it.
    while (next < pending.length) sort(pending[next++] as Quote);
    while (index < quotes.length && (quotes[index] as Quote).start < end) sort(quotes[index++] as Quote);
    out.push({ kind: "quote", eventId: quote.eventId, start, end, children: runs(text, start, end, nested) });
    // Quotes that overflow this one continue after it.
    pending = overflow;
    next = 0;
    cursor = end;
  }
  if (cursor < to) out.push({ kind: "text", text: text.slice(cursor, to) });
  return out;
}

/**
 * Cuts `text` into runs, in time linear in the quotes (after one sort) for quotes that nest or
 * follow each other. Quotes nest when one contains another; a quote that only partly overlaps an
 * earlier one is cut to start where the earlier one ends. Quotes without offsets, or with offsets
 * outside the text, are left out.
 * @example textRuns("ab cd", [{ eventId: "x", start: 3, end: 5 }])
 *   // [{ kind: "text", text: "ab " }, { kind: "quote", eventId: "x", start: 3, end: 5, children: [{ kind: "text", text: "cd" }] }]
 */
export function textRuns(text: string, quotes: readonly QuoteRange[]): TextRun[] {
  const valid = quotes.filter(
    (q): q is Quote => q.start !== undefined && q.end !== undefined && q.start >= 0 && q.end <= text.length && q.start < q.end,
  );
  return runs(text, 0, text.length, valid.sort(byStartThenLongest));
}

/** The text a run covers, for checking that a highlighted quote is exactly the article's words. */
export function runText(run: TextRun): string {
  return run.kind === "text" ? run.text : run.children.map(runText).join("");
}

/** The events in the order the article tells them: by where their quotes start; events without a quote after. */
export function articleOrder<T extends { quoteStart?: number; eventId: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.quoteStart ?? Infinity) - (b.quoteStart ?? Infinity) || (a.eventId < b.eventId ? -1 : 1));
}
