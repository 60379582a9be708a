import { describe, expect, it } from "vitest";
import { actorsByWeight, clusterPlaces, mapItems } from "@/geo/clusters";
import { clusterDiscSize, FACE_SIZE } from "@/components/map/faceGeometry";
import { groupByPlace } from "@/geo/group";
import { projectToWorld } from "@/geo/world-shapes";
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

  it("says what each cluster holds: the sum over its places, at every zoom, against a count of every feature", () => {
    // A grid of 60 villages around Homs, each with a few events of one or two actors.
    const many = Array.from({ length: 60 }, (_, i) => place(`v${i}`, 36.7 + (i % 10) * 0.05, 34.7 + Math.floor(i / 10) * 0.05));
    const actors = ["russia", "iran", "usa"];
    const manyEvents = many.flatMap((p, i) =>
      Array.from({ length: 1 + (i % 4) }, (_, k) => event(`${p.id}-${k}`, p.id, actors.slice(k % 3, (k % 3) + 1 + (i % 2)))),
    );
    const manyFeatures = joinEvents(manyEvents, many).features;
    const manyGroups = new Map(groupByPlace(manyFeatures).map((g) => [g.placeId, g]));
    const made = clusterPlaces(many, manyGroups, actors);
    for (let zoom = 3; zoom <= 13; zoom++) {
      const items = mapItems(made, WORLD, zoom);
      let events = 0;
      for (const item of items) {
        if (item.kind === "place") {
          events += manyGroups.get(item.placeId)?.features.length ?? 0;
          continue;
        }
        events += item.events;
        const leaves = made.index.getLeaves(item.id, Infinity).map((leaf) => leaf.properties.placeId);
        const held = manyFeatures.filter((f) => leaves.includes(f.properties.placeId));
        expect(item.places).toBe(leaves.length);
        expect(item.events).toBe(held.length);
        for (const actor of actors) {
          const count = held.filter((f) => f.properties.actors.includes(actor)).length;
          expect(item.actors[actor] ?? 0, `${actor} in cluster ${item.id} at zoom ${zoom}`).toBe(count);
        }
      }
      expect(events, `events at zoom ${zoom}`).toBe(manyFeatures.length);
    }
  });

  it("orders a cluster's actors by their events, ties by id", () => {
    expect(actorsByWeight({ usa: 1, iran: 3, russia: 3 })).toEqual(["iran", "russia", "usa"]);
  });
});

describe("clusters never crowd each other", () => {
  // 2,000 places scattered over Syria and Iraq (a fixed seed), as a war's record spreads them.
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const many = Array.from({ length: 2000 }, (_, i) => place(`p${i}`, 35.5 + random() * 12, 30 + random() * 7.5));
  const manyGroups = new Map(
    groupByPlace(
      joinEvents(
        many.map((p, i) => event(`e${i}`, p.id, ["russia"])),
        many,
      ).features,
    ).map((g) => [g.placeId, g]),
  );
  const index = clusterPlaces(many, manyGroups, ["russia"]);

  it("never lets two discs overlap, at any zoom up to the last", () => {
    for (let zoom = 3; zoom < 13; zoom++) {
      const discs = mapItems(index, WORLD, zoom).map((item) => {
        const [lng, lat] = item.kind === "cluster" ? [item.lng, item.lat] : many.find((p) => p.id === item.placeId)!.geometry.coordinates;
        const [x, y] = projectToWorld(lng!, lat!);
        return { x: x * 2 ** zoom, y: y * 2 ** zoom, radius: (item.kind === "cluster" ? clusterDiscSize(item.events) : FACE_SIZE) / 2 };
      });
      let tightest = Infinity;
      for (let a = 0; a < discs.length; a++)
        for (let b = a + 1; b < discs.length; b++) {
          const [p, q] = [discs[a]!, discs[b]!];
          tightest = Math.min(tightest, Math.hypot(p.x - q.x, p.y - q.y) - p.radius - q.radius);
        }
      expect(tightest, `the room between the two nearest discs at zoom ${zoom}, in px`).toBeGreaterThanOrEqual(0);
    }
  });
});
