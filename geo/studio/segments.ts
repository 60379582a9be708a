/**
 * The article cut at every edge of a mention or a quote, so that each piece is drawn as one text
 * node with the proposals that cover it: overlapping highlights without any HTML string.
 */
export interface Span {
  key: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The keys of the spans covering this piece, in the order given. */
  covering: string[];
}

/** Pieces of `text` between consecutive span edges, each with the spans that cover it. */
export function segmentsOf(text: string, spans: readonly Span[]): Segment[] {
  const edges = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start < s.end && s.end <= text.length) edges.add(s.start).add(s.end);
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    const covering = spans.filter((s) => s.start <= start && s.end >= end && s.start < s.end).map((s) => s.key);
    segments.push({ start, end, text: text.slice(start, end), covering });
  }
  return segments;
}
