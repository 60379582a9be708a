import { describe, expect, it } from "vitest";
import { draftStory } from "@/geo/draft";
import { splitSentences, tokenize } from "@/geo/draft/text";
import { shippedData, testGazetteer } from "./draft-helpers";

const gazetteer = testGazetteer();
const data = shippedData();

function events(text: string, dateline = "2020-01-08") {
  const draft = draftStory(text, dateline, data, gazetteer);
  return draft.events.map((e) => ({
    quote: text.slice(e.quote.start, e.quote.end),
    date: e.date,
    places: e.places.map((p) => `${draft.mentions[p.mention]?.text}:${p.role}`),
  }));
}

describe("sentences and words", () => {
  it("does not end a sentence at an abbreviation or initials", () => {
    const text = "Washington said on Jan. 3 that U.S. forces would stay. Gen. Smith agreed.\nA heading\nMore text.";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "Washington said on Jan. 3 that U.S. forces would stay.",
      "Gen. Smith agreed.",
      "A heading",
      "More text.",
    ]);
  });

  it("strips a possessive from a word and keeps UTF-16 offsets", () => {
    const text = "🙂 Iran's and Ḩalab’s";
    const tokens = tokenize(text);
    expect(tokens.map((t) => [t.text, t.possessive])).toEqual([
      ["Iran", true],
      ["and", false],
      ["Ḩalab", true],
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});

describe("proposeEvents", () => {
  it("proposes one event per reporting sentence, none for a heading or a sentence with nothing in it", () => {
    const found = events("Strikes in Idlib\n\nRockets hit Aleppo on Monday. The mood was grim. Residents fled to Idlib.");
    expect(found.map((e) => e.quote)).toEqual(["Rockets hit Aleppo on Monday.", "Residents fled to Idlib."]);
  });

  it("dates a sentence by its own date, else its paragraph's, else the article's latest news date", () => {
    const text =
      "Putin visited Syria on Tuesday. It was his first trip since a visit to Hmeimim in 2017.\n\n" +
      "Peskov said Putin met Assad in Damascus. Iran fired missiles at Iraq earlier on Wednesday. Washington condemned it.";
    expect(events(text).map((e) => e.date)).toEqual(["2020-01-07", "2017", "2020-01-07", "2020-01-08", "2020-01-08"]);
  });

  it("adds a clause with its own place as its own event", () => {
    const found = events("Soleimani helped save Assad as armed rebels reached the capital, Damascus, in 2012.");
    expect(found.map((e) => e.quote)).toEqual([
      "Soleimani helped save Assad as armed rebels reached the capital, Damascus, in 2012.",
      "armed rebels reached the capital, Damascus, in 2012.",
    ]);
    expect(found[1]?.places).toEqual(["Damascus:target"]);
  });

  it("suggests place roles: the attack's object, the origin, the region and the venue", () => {
    const [event] = events("Drones launched from Yemen struck Abha International Airport in Saudi Arabia on Monday.");
    expect(event?.places).toEqual(["Yemen:origin", "Abha International Airport:target", "Saudi Arabia:region"]);
    const [visit] = events("Putin visited the command post in Damascus on Tuesday.");
    expect(visit?.places).toEqual(["Damascus:venue"]);
  });

  it("leaves a country that acts out of the event's places, but keeps a city that speaks for its government", () => {
    const [event] = events("Iran launched missiles at bases in Iraq. Washington said so.");
    expect(event?.places).toEqual(["Iraq:region"]);
    expect(events("Washington said so on Tuesday.")[0]?.places).toEqual(["Washington:venue"]);
  });
});
