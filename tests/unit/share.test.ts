import { describe, expect, it } from "vitest";
import { readRawDataset } from "@/geo/load";
import type { PlaceFeature } from "@/geo/schema";
import { eventJsonLd, eventShare, formatCoordinates, jsonLdText, placeJsonLd, placeShare } from "@/geo/share";
import { validateDataset } from "@/geo/validate";

const { dataset } = validateDataset(readRawDataset());

function place(id: string): PlaceFeature {
  const found = dataset.places.find((p) => p.id === id);
  if (!found) throw new Error(`no place "${id}"`);
  return found;
}

function shareOfEvent(id: string) {
  const share = eventShare(dataset, id);
  if (!share) throw new Error(`no event "${id}"`);
  return share;
}

describe("placeShare", () => {
  it("gives Khmeimim its name as title and its one event in the description", () => {
    const share = placeShare(dataset, "khmeimim");
    expect(share?.title).toBe("Khmeimim Air Base");
    expect(share?.features.map((f) => f.properties.eventId)).toEqual(["putin-visit-khmeimim-2017"]);
    expect(share?.description).toBe("1 event at Khmeimim Air Base: Putin's previous visit, to the Khmeimim air base.");
  });

  it("lists Damascus's events in date order and names the first three", () => {
    const share = placeShare(dataset, "damascus");
    expect(share?.features).toHaveLength(5);
    const starts = share?.features.map((f) => f.properties.start) ?? [];
    expect(starts).toEqual([...starts].sort());
    expect(share?.description).toMatch(/^5 events at Damascus: Armed rebels reach the capital, Damascus; .+; .+\.$/);
  });

  it("is undefined for an unknown id", () => {
    expect(placeShare(dataset, "nowhere")).toBeUndefined();
    expect(placeShare(dataset, "")).toBeUndefined();
  });
});

describe("eventShare", () => {
  it("joins an event at three places to those places, with its date in words", () => {
    const share = shareOfEvent("iran-missiles-iraq-bases");
    expect(share.title).toBe("Iran fires ballistic missiles at two bases hosting US forces in Iraq");
    expect(share.dateText).toBe("8 January 2020");
    expect(share.places.map((p) => p.id).sort()).toEqual(["ain-al-asad", "erbil", "iran"]);
    expect(share.features).toHaveLength(3);
    expect(share.description).toMatch(/^8 January 2020, .*Ain al-Asad.* and .*Erbil.*: /);
  });

  it("says 'since 2011' for a span that runs up to the dateline", () => {
    expect(shareOfEvent("iran-russia-help-assad-regain-territory").dateText).toBe("since 2011");
  });

  it("is undefined for an unknown id", () => {
    expect(eventShare(dataset, "nowhere")).toBeUndefined();
  });
});

describe("JSON-LD", () => {
  it("an event's startDate and endDate are the first and last day its date covers", () => {
    const at = (id: string) => eventJsonLd(shareOfEvent(id), `/events/${id}`);
    expect(at("iran-missiles-iraq-bases")).toMatchObject({ "@type": "Event", startDate: "2020-01-08", endDate: "2020-01-08" });
    expect(at("putin-visit-khmeimim-2017")).toMatchObject({ startDate: "2017-01-01", endDate: "2017-12-31" });
    expect(at("iran-russia-help-assad-regain-territory")).toMatchObject({ startDate: "2011-01-01", endDate: "2020-01-08" });
  });

  it("an event names its places with their coordinates", () => {
    const ld = eventJsonLd(shareOfEvent("putin-assad-talks-damascus"), "/events/putin-assad-talks-damascus");
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      name: "Putin meets Assad at the Russian command post in Damascus",
      url: "/events/putin-assad-talks-damascus",
      location: [{ "@type": "Place", name: "Damascus", geo: { "@type": "GeoCoordinates", latitude: 33.5102, longitude: 36.29128 } }],
    });
  });

  it("a place is a schema.org Place with its coordinates", () => {
    const share = placeShare(dataset, "khmeimim");
    if (!share) throw new Error("no khmeimim");
    expect(placeJsonLd(share, "/places/khmeimim")).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Place",
      name: "Khmeimim Air Base",
      url: "/places/khmeimim",
      geo: { "@type": "GeoCoordinates", latitude: 35.4011, longitude: 35.9486 },
    });
  });
});

describe("jsonLdText", () => {
  const hostile = { name: "</script><script>alert(1)</script>", note: "a < b && c > d", nested: ["<!--", "-->"] };

  it("escapes <, > and & so that no text can close the script tag or open a comment", () => {
    const text = jsonLdText(hostile);
    expect(text).not.toMatch(/[<>&]/);
    expect(text.toLowerCase()).not.toContain("</script");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(text).toContain("\\u0026\\u0026");
  });

  it("is still JSON that reads back as the same value", () => {
    expect(JSON.parse(jsonLdText(hostile))).toEqual(hostile);
    const ld = placeJsonLd(placeShare(dataset, "damascus")!, "/places/damascus");
    expect(JSON.parse(jsonLdText(ld))).toEqual(JSON.parse(JSON.stringify(ld)));
  });
});

describe("formatCoordinates", () => {
  it("writes hemispheres as letters and never a negative degree", () => {
    expect(formatCoordinates(place("khmeimim"))).toBe("35.4011° N, 35.9486° E");
    expect(formatCoordinates(place("washington"))).toBe("38.89511° N, 77.03637° W");
  });

  it("puts places south of the equator in S", () => {
    const sydney = { ...place("damascus"), geometry: { type: "Point" as const, coordinates: [151.2093, -33.8688] as [number, number] } };
    expect(formatCoordinates(sydney)).toBe("33.8688° S, 151.2093° E");
  });
});
