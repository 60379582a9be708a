/**
 * textRuns as it was before it was made one pass (it re-sorted the remaining quotes after each
 * one): kept verbatim as the reference that tests/unit/quotes.test.ts checks the new one against.
 */
import type { TextRun } from "@/geo/quotes";

interface QuoteRange {
  eventId: string;
  start: number;
  end: number;
}

function byStartThenLongest(a: QuoteRange, b: QuoteRange): number {
  return a.start - b.start || b.end - a.end || (a.eventId < b.eventId ? -1 : 1);
}

function runs(text: string, from: number, to: number, quotes: readonly QuoteRange[]): TextRun[] {
  const out: TextRun[] = [];
  let cursor = from;
  let index = 0;
  while (index < quotes.length) {
    const quote = quotes[index] as QuoteRange;
    // A quote that starts inside the previous one but runs past it is cut where that one ends.
    const start = Math.max(quote.start, cursor);
    const end = Math.min(quote.end, to);
    index += 1;
    if (start >= end) continue;
    if (start > cursor) out.push({ kind: "text", text: text.slice(cursor, start) });
    const inside: QuoteRange[] = [];
    while (index < quotes.length && (quotes[index] as QuoteRange).start < end) inside.push(quotes[index++] as QuoteRange);
    const nested = inside.filter((q) => q.end <= end);
    out.push({ kind: "quote", eventId: quote.eventId, start, end, children: runs(text, start, end, nested) });
    // Quotes that overflow this one continue after it.
    quotes = [...inside.filter((q) => q.end > end), ...quotes.slice(index)].sort(byStartThenLongest);
    index = 0;
    cursor = end;
  }
  if (cursor < to) out.push({ kind: "text", text: text.slice(cursor, to) });
  return out;
}

/**
 * Cuts `text` into runs. Quotes nest when one contains another; a quote that only partly
 * overlaps an earlier one is cut to start where the earlier one ends.
 * @example textRuns("ab cd", [{ eventId: "x", start: 3, end: 5 }])
 *   // [{ kind: "text", text: "ab " }, { kind: "quote", eventId: "x", start: 3, end: 5, children: [{ kind: "text", text: "cd" }] }]
 */
export function referenceTextRuns(text: string, quotes: readonly QuoteRange[]): TextRun[] {
  const valid = quotes.filter((q) => q.start >= 0 && q.end <= text.length && q.start < q.end);
  return runs(text, 0, text.length, [...valid].sort(byStartThenLongest));
}
