import { isArticleEvent } from "@/geo/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { draftStory } from "@/geo/draft";
import { isContractDate } from "@/geo/dates";
import { shippedData, testGazetteer } from "./draft-helpers";

const gazetteer = testGazetteer();
const data = shippedData();
const story = data.stories[0]!;
const events = data.events.filter(isArticleEvent).filter((e) => e.story === story.id);
const draft = draftStory(story.text, story.dateline, data, gazetteer);

describe("draftStory on the first story", () => {
  it("proposes every place its data names from the article at its mention, with the right place first", () => {
    for (const event of events) {
      for (const place of event.places.filter((p) => p.provenance.kind === "article")) {
        const feature = data.places.find((p) => p.id === place.place)!;
        const names = [feature.properties.name, ...feature.properties.aliases].map((n) => n.toLowerCase());
        const quote = story.text.slice(event.quote.start, event.quote.end).toLowerCase();
        // Where the quote names the place, the mention there; where the data infers it from the
        // story (Damascus for a visit "to Syria"), its mention elsewhere in the article.
        const named = names.some((n) => quote.includes(n));
        const within = named ? draft.mentions.filter((m) => m.start >= event.quote.start && m.end <= event.quote.end) : draft.mentions;
        expect(
          within.some((m) => m.candidates[0]?.placeId === place.place),
          `${event.id}: ${place.place}`,
        ).toBe(true);
      }
    }
  });

  it("resolves every event date the article states to the data's value", () => {
    const stated = events.filter((e) => e.dateProvenance?.kind !== "context");
    expect(stated.length).toBeGreaterThan(8);
    for (const event of stated) {
      const proposed = draft.events.find((p) => p.quote.start <= event.quote.start && event.quote.end <= p.quote.end);
      expect(proposed?.date, event.id).toBe(event.date);
    }
  });

  it("quotes whole sentences and clauses, with contract dates, known places and registry actors", () => {
    for (const event of draft.events) {
      const quote = story.text.slice(event.quote.start, event.quote.end);
      expect(quote).toMatch(/^[A-Z"“a-z]/);
      expect(quote).toMatch(/[.!?"”]$/);
      if (event.date !== null) expect(isContractDate(event.date)).toBe(true);
      for (const place of event.places) expect(draft.mentions[place.mention]).toBeDefined();
    }
    expect(draft.events.find((e) => e.quote.start === 1007)?.actors).toEqual([
      { actor: "iran", name: "Iran", role: "attacker" },
      { actor: "usa", name: "United States", role: "target" },
    ]);
    expect(draft.events.find((e) => e.quote.start === 1523)?.places).toEqual([
      { mention: draft.mentions.findIndex((m) => m.start === 1557), role: "target" },
    ]);
  });

  it("does not propose a heading as an event", () => {
    const heading = story.text.indexOf("Meeting held at Russian Command Post");
    expect(draft.events.some((e) => e.quote.start === heading)).toBe(false);
  });

  it("answers a 5,000-character article well under a second", () => {
    const text = `${story.text}\n\n${story.text}\n\n${story.text}`.slice(0, 5000);
    const started = performance.now();
    draftStory(text, story.dateline, data, gazetteer);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("draftStory on any text", () => {
  it("never throws, and every offset it gives points at its text", () => {
    const pieces = fc.constantFrom(
      "Damascus",
      "Iran's",
      " ",
      ". ",
      "\n\n",
      "on Tuesday",
      "since 2011",
      "Ḩamāh",
      "🙂",
      "US",
      "al-",
      "Nice",
      ",",
      "Hmeimim airbase",
    );
    const texts = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const result = draftStory(text, "2020-01-08", data, gazetteer);
        for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
        for (const e of result.events) {
          expect(e.quote.start).toBeGreaterThanOrEqual(0);
          expect(e.quote.end).toBeLessThanOrEqual(text.length);
          for (const p of e.places) expect(result.mentions[p.mention]).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
  });
});
