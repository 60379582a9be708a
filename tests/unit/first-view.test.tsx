import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EVENT_FRAME, FIT_FRAME } from "@/components/map/fitFrame";
import { firstViewCss, firstViewOf } from "@/components/map/FirstView";
import { firstViewLayout, fitZoom, nameInput } from "@/components/map/firstViewLayout";
import { markerName } from "@/components/map/markerText";
import { basemapNames } from "@/geo/basemap";
import { basemapExtent } from "@/geo/layout";
import { loadDataset } from "@/geo/load";
import { CLUSTER_ABOVE } from "@/geo/thresholds";
import { frontPageStory, pageBundle, type StoryBundle } from "@/geo/story";
import { projectToWorld } from "@/geo/world-shapes";
import { deriveView } from "@/geo/view";

const dataset = loadDataset();
const bundle = pageBundle(dataset, frontPageStory(dataset));
const view = deriveView(bundle, {});
const layout = firstViewLayout(view.places, view.groupsByPlace, { kind: "fit", bounds: view.coreBounds(), fit: FIT_FRAME })!;

/** The framed box's size in world pixels at zoom 0, as the layout measures it. */
function boxSize() {
  const [west, south, east, north] = view.coreBounds()!;
  const [minX, maxY] = projectToWorld(west, south);
  const [maxX, minY] = projectToWorld(east, north);
  return { x: maxX - minX, y: maxY - minY };
}

describe("fitZoom", () => {
  const size = { x: 10, y: 5 };
  it("takes the largest whole zoom at which the box and the padding fit, as Leaflet's getBoundsZoom", () => {
    // 96 px of padding; 10 px at zoom 5 is 320 px.
    expect(fitZoom(size, 96 + 320, 96 + 160, FIT_FRAME)).toBe(5);
    expect(fitZoom(size, 96 + 319, 96 + 160, FIT_FRAME)).toBe(5); // log2 rounds to a hundredth first
    expect(fitZoom(size, 96 + 310, 96 + 160, FIT_FRAME)).toBe(4);
    expect(fitZoom(size, 96 + 640, 96 + 159, FIT_FRAME)).toBe(4); // the height decides
  });
  it("keeps within the frame's zoom limits", () => {
    expect(fitZoom(size, 100, 100, FIT_FRAME)).toBe(FIT_FRAME.minZoom);
    expect(fitZoom(size, 1e6, 1e6, FIT_FRAME)).toBe(FIT_FRAME.maxZoom);
  });
});

describe("firstViewLayout", () => {
  it("has a layout for every zoom from a phone's map to a wide desktop's, each from the smallest map the fit chooses it for", () => {
    const zooms = layout.zooms.map((z) => z.zoom);
    expect(zooms.length).toBeGreaterThan(1);
    expect(zooms).toEqual(zooms.map((_, i) => zooms[0]! + i));
    for (const [i, { zoom, minWidth, minHeight }] of layout.zooms.entries()) {
      if (i === 0) continue;
      expect(fitZoom(boxSize(), minWidth, minHeight, FIT_FRAME)).toBe(zoom);
      // One pixel less in either direction is the zoom below.
      expect(fitZoom(boxSize(), minWidth - 1, 100_000, FIT_FRAME)).toBe(zoom - 1);
      expect(fitZoom(boxSize(), 100_000, minHeight - 1, FIT_FRAME)).toBe(zoom - 1);
    }
    // The maps measured in Chromium: a phone's (375x510) and a desktop's (560x612) are covered.
    const chosen = (w: number, h: number) => layout.zooms.filter((z) => z.minWidth <= w && z.minHeight <= h).at(-1)!.zoom;
    expect(chosen(375, 510)).toBe(fitZoom(boxSize(), 375, 510, FIT_FRAME));
    expect(chosen(560, 612)).toBe(fitZoom(boxSize(), 560, 612, FIT_FRAME));
  });

  it("draws every place at every zoom, and names each one somewhere", () => {
    for (const { markers } of layout.zooms) expect(markers.map((m) => m.id).sort()).toEqual(view.places.map((p) => p.id).sort());
    const named = new Set(layout.zooms.flatMap((z) => z.markers.filter((m) => m.label).map((m) => m.id)));
    for (const id of ["damascus", "latakia", "khmeimim", "ain-al-asad", "erbil"]) expect(named).toContain(id);
  });

  it("puts each place where the fit's centre and scale put it", () => {
    const [west, south, east, north] = view.coreBounds()!;
    const [cx, cy] = projectToWorld((west + east) / 2, 0);
    const damascus = view.places.find((p) => p.id === "damascus")!;
    const [x] = projectToWorld(...(damascus.geometry.coordinates as [number, number]));
    expect(layout.points.get("damascus")!.x).toBeCloseTo(x - cx, 6);
    expect(north).toBeGreaterThan(south);
    expect(Number.isFinite(cy)).toBe(true);
  });

  it("lays out nothing where there is no box to fit", () => {
    expect(firstViewLayout(view.places, view.groupsByPlace, { kind: "fit", bounds: undefined, fit: FIT_FRAME })).toBeUndefined();
    const [lng, lat] = view.places[0]!.geometry.coordinates as [number, number];
    expect(
      firstViewLayout(view.places.slice(0, 1), view.groupsByPlace, { kind: "fit", bounds: [lng, lat, lng, lat], fit: FIT_FRAME }),
    ).toBeUndefined();
  });
});

describe("firstViewLayout, with the basemap's names", () => {
  const named = firstViewLayout(
    view.places,
    view.groupsByPlace,
    { kind: "fit", bounds: view.coreBounds(), fit: FIT_FRAME },
    undefined,
    basemapNames(),
  )!;
  const boxOf = (zoom: number, id: string, side: "left" | "right" | "center") => {
    const { label, point } = named.names.get(id)!;
    const input = nameInput(id, label, { x: point.x * 2 ** zoom, y: point.y * 2 ** zoom });
    const extent = basemapExtent(input, side);
    return {
      minX: input.point.x + extent.left,
      maxX: input.point.x + extent.right,
      minY: input.point.y + extent.top,
      maxY: input.point.y + extent.bottom,
    };
  };

  it("names the countries and cities around the story at the zoom a desktop opens at", () => {
    const atFive = named.zooms.find((z) => z.zoom === 5)!.names.map((n) => named.names.get(n.id)!.label.name);
    expect(atFive).toEqual(expect.arrayContaining(["Russia", "Saudi Arabia", "Jordan", "Georgia", "Baku", "Tbilisi", "Basra"]));
  });

  it("places a name only from its own zoom, never over another name", () => {
    for (const { zoom, names } of named.zooms) {
      const boxes = names.map(({ id, side }) => {
        expect(named.names.get(id)!.label.minZoom, id).toBeLessThanOrEqual(zoom);
        return boxOf(zoom, id, side);
      });
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) expect(a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY).toBe(false);
    }
  });

  it("places the markers and their labels as it does without names", () => {
    expect(named.zooms.map((z) => z.markers)).toEqual(layout.zooms.map((z) => z.markers));
  });
});

describe("firstViewLayout, centred on a place", () => {
  const focused = deriveView(bundle, { place: "khmeimim" });
  const [lng, lat] = focused.places.find((p) => p.id === "khmeimim")!.geometry.coordinates as [number, number];
  const centred = firstViewLayout(focused.places, focused.groupsByPlace, { kind: "focus", point: [lng, lat], zoom: 7 }, "khmeimim")!;

  it("opens at its one zoom whatever the map's size, with the place at the centre", () => {
    expect(centred.zooms.map(({ zoom, minWidth, minHeight }) => ({ zoom, minWidth, minHeight }))).toEqual([
      { zoom: 7, minWidth: 0, minHeight: 0 },
    ]);
    expect(centred.points.get("khmeimim")).toEqual({ x: 0, y: 0 });
  });

  it("names the selected place", () => {
    expect(centred.zooms[0]!.markers.find((m) => m.id === "khmeimim")!.label).not.toBeNull();
  });
});

describe("firstViewLayout, framing an event at several places", () => {
  const focused = deriveView(bundle, { event: "iran-missiles-iraq-bases" });
  const framed = firstViewLayout(
    focused.places,
    focused.groupsByPlace,
    { kind: "fit", bounds: focused.focusBounds, fit: EVENT_FRAME },
    "ain-al-asad",
  )!;

  it("opens on the box of Ain al-Asad, Erbil and Iran, closer on a larger map but never past the focus zoom", () => {
    const zooms = framed.zooms.map((z) => z.zoom);
    expect(zooms.length).toBeGreaterThan(1);
    expect(Math.max(...zooms)).toBeLessThanOrEqual(EVENT_FRAME.maxZoom);
    // The smallest map (a phone's) still holds every place of the event inside its padding.
    const lowest = framed.zooms[0]!;
    const scale = 2 ** lowest.zoom;
    for (const id of ["ain-al-asad", "erbil", "iran"]) {
      const point = framed.points.get(id)!;
      expect(Math.abs(point.x * scale), id).toBeLessThanOrEqual(375 / 2 - EVENT_FRAME.padding + 1);
    }
  });

  it("names the place whose popup opens, and draws it as selected", () => {
    expect(framed.zooms.every((z) => z.markers.find((m) => m.id === "ain-al-asad")!.label !== null)).toBe(true);
    const html = renderToStaticMarkup(firstViewOf({ bundle, focus: { place: "ain-al-asad", event: "iran-missiles-iraq-bases" } })!);
    expect(html).toMatch(/<a class="[^"]*is-selected"[^>]*data-place="ain-al-asad"/);
  });
});

describe("FirstView", () => {
  it("renders one marker per place with its data-place, its map marker's accessible name and a link to its page", () => {
    const html = renderToStaticMarkup(firstViewOf({ bundle })!);
    const actorsById = new Map(bundle.actors.map((a) => [a.id, a]));
    for (const place of view.places) {
      expect(html.match(new RegExp(`data-place="${place.id}"`, "g"))).toHaveLength(1);
      const group = view.groupsByPlace.get(place.id);
      const name = markerName({
        place,
        eventCount: group?.features.length ?? 0,
        actors: (group?.actors ?? []).map((id) => actorsById.get(id)!),
      });
      expect(html).toContain(`aria-label="${name.replaceAll("&", "&amp;")}"`);
      expect(html).toContain(`href="/places/${place.id}"`);
    }
  });

  it("draws each basemap name at the zooms it has room at, hidden from screen readers", () => {
    const html = renderToStaticMarkup(firstViewOf({ bundle })!);
    expect(html).toMatch(/<div class="first-view-names" aria-hidden="true">/);
    // Baku is named at zoom 5 (above); Russia, a country, is centred on its point.
    expect(html).toMatch(
      /<span class="first-view-name" style="[^"]*--nv-5:visible[^"]*"><span class="basemap-label is-capital" data-side="\w+"><span class="basemap-label-dot"><\/span><span class="basemap-label-text">Baku</,
    );
    expect(html).toMatch(/<span class="basemap-label is-country" data-side="center"><span class="basemap-label-text">Russia</);
    expect(firstViewCss(layout)).toContain(".first-view-name{--s:32;--nv:var(--nv-5,hidden)}");
  });

  it("writes its zoom rules from numbers only (they are hashed into the page's style policy)", () => {
    const css = firstViewCss(layout);
    expect(css).toMatch(/^\.first-view-land,\.first-view-outlines\{--s:\d+\}\.first-view-marker\{--s:\d+;/);
    expect(css).toContain("@container first-view (min-width:");
    expect(css).not.toMatch(/[<&"']/);
  });

  it("renders a place's name as text, never as HTML", () => {
    const hostile: StoryBundle = {
      ...bundle,
      places: bundle.places.map((p) =>
        p.id === "damascus" ? { ...p, properties: { ...p.properties, name: '<img src=x onerror="alert(1)">' } } : p,
      ),
    };
    const html = renderToStaticMarkup(firstViewOf({ bundle: hostile })!);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });

  it("marks a share page's place as selected, and opens links outside an embed's frame", () => {
    const html = renderToStaticMarkup(firstViewOf({ bundle, focus: { place: "erbil" }, linksOpenOutside: true })!);
    expect(html).toMatch(/<a class="[^"]*is-selected"[^>]*data-place="erbil"/);
    expect(html.match(/is-selected/g)).toHaveLength(1);
    expect(html).toContain('target="_blank" rel="noopener"');
  });

  it("draws nothing for a story whose map clusters its places or whose events come later, nor where there is no box to fit", () => {
    const deferred = { url: "/x", events: 1, places: 1 } as unknown as StoryBundle["deferred"];
    expect(firstViewOf({ bundle: { ...bundle, deferred } })).toBeUndefined();
    const crowd = Array.from({ length: CLUSTER_ABOVE + 1 }, (_, i) => ({ ...bundle.places[0]!, id: `p${i}` }));
    expect(firstViewOf({ bundle: { ...bundle, places: crowd } })).toBeUndefined();
    expect(firstViewOf({ bundle: { ...bundle, features: [] } })).toBeUndefined();
  });
});
