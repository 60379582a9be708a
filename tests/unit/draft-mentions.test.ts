import { describe, expect, it } from "vitest";
import { actorNames } from "@/geo/draft/actors";
import { findMentions, type FoundMention } from "@/geo/draft/mentions";
import { nameKey, skeleton } from "@/geo/draft/names";
import { tokenize } from "@/geo/draft/text";
import { shippedData, testGazetteer } from "./draft-helpers";

const gazetteer = testGazetteer();
const data = shippedData();

function mentions(text: string): FoundMention[] {
  return findMentions(text, tokenize(text), { places: data.places, gazetteer, notPlaces: actorNames(data.actors) });
}

/** "text => first candidate (its place id, else name/country)" for each mention. */
function proposals(text: string): string[] {
  return mentions(text).map((m) => {
    const first = m.candidates[0];
    return `${m.text} => ${first?.placeId ?? `${first?.name}/${first?.country}`}`;
  });
}

describe("names", () => {
  it("fold diacritics, glottal marks, airfield words and Arabic's article", () => {
    expect(nameKey("Sarāqib")).toBe("saraqib");
    expect(nameKey("Khmeimim Airbase")).toBe("khmeimim air base");
    expect(nameKey("Ma‘arrat an-Nu‘mān")).toBe(nameKey("Maarrat al-Numan"));
    expect(skeleton("saraqeb")).toBe(skeleton("saraqib"));
  });
});

describe("findMentions", () => {
  it("finds the project's own places by name and alias first", () => {
    expect(proposals("Jets left Hmeimim. Putin had visited the Khmeimim airbase in Latakia province.")).toEqual([
      "Hmeimim => khmeimim",
      "Khmeimim airbase => khmeimim",
      "Latakia province => latakia",
    ]);
  });

  it("names an airport as reporters do", () => {
    expect(proposals("Flights left London's Heathrow airport.")).toEqual([
      "London => London/GB",
      "Heathrow airport => London Heathrow Airport/GB",
    ]);
  });

  it("tells a city from its airport, and a known airport by its alias", () => {
    expect(proposals("Flights left Damascus airport for Damascus. No one was hurt at Baghdad airport.")).toEqual([
      "Damascus airport => Damascus International Airport/SY",
      "Damascus => damascus",
      "Baghdad airport => baghdad-airport",
    ]);
  });

  it("reads multi-word names, possessives and spelling variants", () => {
    expect(proposals("Iran's navy sailed from Bandar Abbas to Saudi Arabia. Shells hit Saraqeb and Maarat al-Numan.")).toEqual([
      "Iran => iran",
      "Bandar Abbas => Bandar Abbas/IR",
      "Saudi Arabia => Saudi Arabia/SA",
      "Saraqeb => Sarāqib/SY",
      "Maarat al-Numan => Ma‘arrat an Nu‘mān/SY",
    ]);
  });

  it("reads English exonyms and Arabic names without their article", () => {
    expect(proposals("Officials in Kiev spoke of Raqqa.")).toEqual(["Kiev => Kyiv/UA", "Raqqa => Ar Raqqah/SY"]);
  });

  it("takes only proper nouns: not common words opening a sentence, demonyms or people", () => {
    expect(proposals("Most people left. Nice weather helped. Of course they did.")).toEqual([]);
    expect(proposals("Syrian and Iranian officials met Vladimir Putin and Bashar al-Assad.")).toEqual([]);
    expect(proposals("The Washington Post and Qatar Airways said so; the Taliban agreed.")).toEqual([]);
    // Clinton, Maryland lies near Washington, D.C.: no reason to take a person for either.
    expect(proposals("Chelsea Clinton and Victoria Beckham met Jordan Henderson and Paris Saint-Germain.")).toEqual([]);
    expect(proposals("the city of mobile phones")).toEqual([]);
  });

  it("keeps a common word that is a city where a place is expected", () => {
    expect(proposals("A tornado struck Mobile, Alabama. Crowds went back to the beaches of Nice.")).toEqual([
      "Mobile => Mobile/US",
      "Alabama => Alabama/US",
      "Nice => Nice/FR",
    ]);
  });

  it("ranks candidates by the story's other places", () => {
    const libya = mentions("Haftar's forces shelled Tripoli, then Misrata and Benghazi.")[0];
    expect(libya?.candidates[0]?.country).toBe("LY");
    const lebanon = mentions("Protests spread from Beirut to Tripoli and Sidon.")[1];
    expect(lebanon?.text).toBe("Tripoli");
    expect(lebanon?.candidates[0]?.country).toBe("LB");
  });

  it("offers up to five candidates, the proposal first", () => {
    const [damascus] = mentions("Rockets fell on Damascus.");
    expect(damascus?.candidates[0]?.placeId).toBe("damascus");
    expect(damascus?.candidates.length).toBeGreaterThan(1);
    expect(damascus?.candidates.length).toBeLessThanOrEqual(5);
    expect(damascus?.candidates.some((c) => c.country === "US")).toBe(true);
  });

  it("gives UTF-16 offsets, also after astral and combining characters", () => {
    const text = "𝔸 Ḩamāh — «Qamişli» 🙂 rockets fell on Aleppo and Ḩalab's east, near Homs.";
    const found = mentions(text);
    expect(found.map((m) => m.text)).toContain("Aleppo");
    for (const mention of found) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });
});

describe("findMentions in a title-case headline", () => {
  it("does not take capitalised common words for towns, but finds the places", () => {
    expect(proposals("Nice Day For Rebels As Most Flee Aleppo\n\nRebels entered Aleppo.")).toEqual([
      "Aleppo => Aleppo/SY",
      "Aleppo => Aleppo/SY",
    ]);
  });
});
