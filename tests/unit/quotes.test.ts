import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRawDataset } from "@/geo/load";
import { articleOrder, runText, textRuns, type QuoteRange } from "@/geo/quotes";
import { validateDataset } from "@/geo/validate";
import { referenceTextRuns } from "./reference/text-runs";

const { dataset } = validateDataset(readRawDataset());

/** Quotes with offsets, for the reference, which knows no quote-less events. */
function withOffsets(quotes: readonly QuoteRange[]): { eventId: string; start: number; end: number }[] {
  return quotes.flatMap((q) => (q.start === undefined || q.end === undefined ? [] : [{ eventId: q.eventId, start: q.start, end: q.end }]));
}

describe("textRuns, cut in one pass", () => {
  it("cuts the real story exactly as the re-sorting version did, and covers its text", () => {
    for (const story of dataset.stories) {
      const quotes = dataset.events
        .filter((e) => e.story === story.id && e.quote)
        .map((e) => ({ eventId: e.id, start: e.quote!.start, end: e.quote!.end }));
      expect(quotes.length).toBeGreaterThan(0);
      const runs = textRuns(story.text, quotes);
      expect(runs).toEqual(referenceTextRuns(story.text, quotes));
      expect(runs.map(runText).join("")).toBe(story.text);
    }
  });

  it("cuts random quotes (nested, overlapping, repeated, out of range) as the re-sorting version did", () => {
    const quote = (i: number) =>
      fc.record({ eventId: fc.constant(`e${i}`), start: fc.integer({ min: -2, max: 42 }), end: fc.integer({ min: -2, max: 42 }) });
    const quotes = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => quote(i))));
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 40 }), quotes, (text, list) => {
        const runs = textRuns(text, list);
        expect(runs).toEqual(referenceTextRuns(text, list));
        expect(runs.map(runText).join("")).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it("nests a quote inside another and cuts one that only overlaps where the earlier one ends", () => {
    const text = "0123456789";
    const runs = textRuns(text, [
      { eventId: "outer", start: 1, end: 6 },
      { eventId: "inner", start: 2, end: 4 },
      { eventId: "overlap", start: 5, end: 8 },
    ]);
    expect(runs).toEqual([
      { kind: "text", text: "0" },
      {
        kind: "quote",
        eventId: "outer",
        start: 1,
        end: 6,
        children: [
          { kind: "text", text: "1" },
          { kind: "quote", eventId: "inner", start: 2, end: 4, children: [{ kind: "text", text: "23" }] },
          { kind: "text", text: "45" },
        ],
      },
      { kind: "quote", eventId: "overlap", start: 6, end: 8, children: [{ kind: "text", text: "67" }] },
      { kind: "text", text: "89" },
    ]);
  });

  it("leaves out events without a quote (the context layer's) and keeps the rest as they were", () => {
    const text = "one two three";
    const quotes: QuoteRange[] = [{ eventId: "a", start: 4, end: 7 }, { eventId: "context" }, { eventId: "b", start: 8, end: 13 }];
    expect(textRuns(text, quotes)).toEqual(referenceTextRuns(text, withOffsets(quotes)));
    expect(textRuns(text, [{ eventId: "context" }])).toEqual([{ kind: "text", text }]);
  });

  it("cuts 20,000 quotes of a long text, chains of overlaps included, as the reference does on a part of them", () => {
    const sentence = "Forces shelled the town at dawn, and clashes went on into the night. ";
    const text = sentence.repeat(5000);
    // Each sentence: a quote, one nested in it, and one that overlaps into the next sentence.
    const quotes = Array.from({ length: 5000 }, (_, i) => {
      const at = i * sentence.length;
      return [
        { eventId: `s${i}`, start: at, end: at + 31 },
        { eventId: `n${i}`, start: at + 7, end: at + 14 },
        { eventId: `o${i}`, start: at + 20, end: at + sentence.length + 5 },
        { eventId: `w${i}`, start: at, end: at + sentence.length - 1 },
      ];
    }).flat();
    const runs = textRuns(text, quotes);
    expect(runs.map(runText).join("")).toBe(text);
    const part = text.slice(0, sentence.length * 300);
    expect(textRuns(part, quotes.slice(0, 1200))).toEqual(referenceTextRuns(part, quotes.slice(0, 1200)));
  });
});

describe("articleOrder", () => {
  it("puts events by where their quotes start, and events without a quote after them", () => {
    const events = [
      { eventId: "c", quoteStart: undefined },
      { eventId: "b", quoteStart: 10 },
      { eventId: "a", quoteStart: 3 },
    ];
    expect(articleOrder(events).map((e) => e.eventId)).toEqual(["a", "b", "c"]);
  });
});
