import { describe, expect, it } from "vitest";
import { findActors } from "@/geo/draft/actors";
import { draftStory } from "@/geo/draft";
import { tokenize } from "@/geo/draft/text";
import { shippedData, testGazetteer } from "./draft-helpers";

const gazetteer = testGazetteer();
const data = shippedData();

const actors = (text: string) =>
  findActors(text, tokenize(text), data.actors).map((a) => `${text.slice(a.start, a.end)} => ${a.actor ?? `?${a.name}`}`);

/** The first event's actors as "id:role". */
function roles(text: string, dateline = "2020-01-08"): string[] {
  const [event] = draftStory(text, dateline, data, gazetteer).events;
  return (event?.actors ?? []).map((a) => `${a.actor ?? `?${a.name}`}:${a.role}`);
}

describe("findActors", () => {
  it("matches the registry by name, alias and demonym", () => {
    expect(actors("Iranian officials and the Kremlin said Putin and Washington, US and American troops agreed.")).toEqual([
      "Iranian => iran",
      "Kremlin => russia",
      "Putin => russia",
      "Washington => usa",
      "US => usa",
      "American => usa",
    ]);
  });

  it("prefers the longest alias: Syrian rebels are the rebels, not Syria", () => {
    expect(actors("Syrian rebels fought the Syrian army.")).toEqual(["Syrian rebels => rebels", "Syrian army => syria"]);
  });

  it("names an actor the registry lacks, with a null id", () => {
    expect(actors("Turkish troops crossed.")).toEqual(["Turkish => ?Turkey"]);
  });

  it("does not read a lower-case word as a capitalised alias", () => {
    expect(actors("Let us go.")).toEqual([]);
  });
});

describe("actor roles", () => {
  it("attacker and target of a strike", () => {
    expect(roles("Iran launched ten ballistic missiles against bases which stationed US forces in Iraq.")).toEqual([
      "iran:attacker",
      "usa:target",
    ]);
  });

  it("the attacker after 'by'", () => {
    expect(roles("The attack avenged the killing of Iranian General Qassem Soleimani in an airstrike by the US.")).toEqual([
      "usa:attacker",
      "iran:target",
    ]);
  });

  it("visitor and host of a visit", () => {
    expect(roles("Putin made a rare visit to Syria on Tuesday where he held talks with his Syrian counterpart.")).toEqual([
      "russia:visitor",
      "syria:host",
    ]);
  });

  it("speakers, and a visit reported by a speaker", () => {
    expect(roles("US officials and Tehran commented on the strike.")).toEqual(["usa:speaker", "iran:speaker"]);
    expect(roles("Peskov also revealed that Putin visited the command post in Damascus and met President Assad there.")).toEqual([
      "russia:visitor",
      "syria:host",
    ]);
  });

  it("allies, the side they support and its opponent", () => {
    expect(roles("Iranian and Russian forces helped Assad win back the territory that he had lost to the rebel forces.")).toEqual([
      "iran:ally",
      "russia:ally",
      "syria:supported",
      "rebels:opponent",
    ]);
  });

  it("the actor of the sentence before for 'his' visit", () => {
    const [, second] = draftStory(
      "Putin visited Syria on Tuesday. It was his first trip since his last visit to Hmeimim in 2017.",
      "2020-01-08",
      data,
      gazetteer,
    ).events;
    expect(second?.actors).toEqual([{ actor: "russia", name: "Russia", role: "visitor" }]);
  });
});

describe("people named like places", () => {
  it("reads a country's name before a capitalised name as a person's", () => {
    expect(actors("Jordan Henderson scored; Jordan closed its border.")).toEqual(["Jordan => ?Jordan"]);
  });
});
