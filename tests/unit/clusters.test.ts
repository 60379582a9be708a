import { describe, expect, it } from "vitest";
import { actorsByWeight, clusterPlaces, mapItems } from "@/geo/clusters";
import { groupByPlace } from "@/geo/group";
import { joinEvents } from "@/geo/join";
import type { PlaceFeature, StoryEvent } from "@/geo/schema";

const place = (id: string, lng: number, lat: number): PlaceFeature => ({
  type: "Feature",
  id,
  geometry: { type: "Point", coordinates: [lng, lat] },
  properties: { name: id, kind: "city", country: "SY", aliases: [], precision: "approximate", coordinatesSource: "test" },
});
const event = (id: string, placeId: string, actors: string[]): StoryEvent => ({
  id,
  title: id,
  summary: id,
  date: "2020-01-01",
  actors: actors.map((actor) => ({ actor, role: "attacker" })),
  places: [{ place: placeId, role: "venue", provenance: { kind: "article" } }],
  quote: { start: 0, end: 1, text: "x" },
  provenance: { kind: "article" },
});

// Two villages a kilometre apart, and one far away.
const places = [place("a", 36.3, 33.5), place("b", 36.31, 33.5), place("far", 44.4, 33.3)];
const features = joinEvents(
  [event("e1", "a", ["russia"]), event("e2", "a", ["russia", "iran"]), event("e3", "b", ["iran"]), event("e4", "far", ["usa"])],
  places,
).features;
const groups = new Map(groupByPlace(features).map((g) => [g.placeId, g]));
const clusters = clusterPlaces(places, groups, ["russia", "iran", "usa"]);
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe("clusterPlaces and mapItems", () => {
  it("clusters near places when zoomed out, with their events and actors summed", () => {
    const items = mapItems(clusters, WORLD, 5);
    const cluster = items.find((i) => i.kind === "cluster");
    expect(cluster).toMatchObject({ kind: "cluster", places: 2, events: 3, actors: { russia: 2, iran: 2 } });
    expect(items).toContainEqual({ kind: "place", placeId: "far" });
  });

  it("gives every place its own marker once zoomed in far enough, and the expansion zoom gets there", () => {
    const cluster = mapItems(clusters, WORLD, 5).find((i) => i.kind === "cluster");
    if (cluster?.kind !== "cluster") throw new Error("no cluster");
    const zoom = clusters.index.getClusterExpansionZoom(cluster.id);
    const ids = mapItems(clusters, WORLD, zoom).flatMap((i) => (i.kind === "place" ? [i.placeId] : []));
    expect(ids.sort()).toEqual(["a", "b", "far"]);
  });

  it("keeps only what is in the box", () => {
    expect(mapItems(clusters, [44, 33, 45, 34], 5)).toEqual([{ kind: "place", placeId: "far" }]);
  });

  it("orders a cluster's actors by their events, ties by id", () => {
    expect(actorsByWeight({ usa: 1, iran: 3, russia: 3 })).toEqual(["iran", "russia", "usa"]);
  });
});
