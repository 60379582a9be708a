import type { Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { marker, popup, saveScreenshot, waitForBasemap, waitForMapToSettle } from "./helpers";

/** The contract's places and their names as the map labels them. */
const CONTRACT_PLACES: Record<string, string> = {
  damascus: "Damascus",
  latakia: "Latakia Governorate",
  khmeimim: "Khmeimim Air Base",
  "ain-al-asad": "Ain al-Asad Air Base",
  erbil: "Erbil Air Base",
};

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Drawn {
  discs: Box[];
  labels: Box[];
  leaders: Box[];
  names: Box[];
  controls: Box[];
  map: Box;
}

/**
 * The boxes on screen of every marker disc, every shown marker label and its leader line (a CSS
 * pseudo-element, so worked out from the label's box, side and `--leader`), every basemap name and
 * every map control.
 */
async function drawnBoxes(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const rect = (el: Element, what: string) => {
      const { x, y, width, height } = el.getBoundingClientRect();
      return { what, x, y, width, height };
    };
    const boxes = (selector: string, what: (el: Element) => string) =>
      [...document.querySelectorAll(selector)].filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => rect(el, what(el)));
    const place = (el: Element) => el.closest<HTMLElement>("[data-place]")?.dataset.place ?? "?";
    const leaders = [...document.querySelectorAll<HTMLElement>(".place-label[data-leader]")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const { x, y, width, height } = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const length = parseFloat(style.getPropertyValue("--leader")) + 3;
        // Over or under, the line drops from the disc's centre, however far the label slid along it.
        const slid = parseFloat(style.getPropertyValue("--label-x")) || 0;
        const what = `leader of ${place(el)}`;
        // Inset a pixel at the face's end, where the line meets it.
        switch (el.dataset.side) {
          case "right":
            return { what, x: x - length + 1, y: y + height / 2 - 0.75, width: length - 1, height: 1.5 };
          case "left":
            return { what, x: x + width, y: y + height / 2 - 0.75, width: length - 1, height: 1.5 };
          case "bottom":
            return { what, x: x + width / 2 - slid - 0.75, y: y - length + 1, width: 1.5, height: length - 1 };
          default:
            return { what, x: x + width / 2 - slid - 0.75, y: y + height, width: 1.5, height: length - 1 };
        }
      });
    return {
      discs: boxes(".place-marker-count", place),
      labels: boxes(".place-label", (el) => `label of ${place(el)}`),
      leaders,
      names: boxes(".basemap-label-text", (el) => `basemap name ${el.textContent}`),
      controls: boxes(".leaflet-control", (el) => `control ${el.className}`),
      map: rect(document.querySelector(".leaflet-container")!, "map"),
    };
  });
}

/** Pairs of boxes that overlap by more than a pixel (anti-aliasing and rounding aside). */
function overlaps(a: readonly Box[], b: readonly Box[], same = false): string[] {
  const found: string[] = [];
  a.forEach((p, i) =>
    b.forEach((q, j) => {
      if (same && j <= i) return;
      const dx = Math.min(p.x + p.width, q.x + q.width) - Math.max(p.x, q.x);
      const dy = Math.min(p.y + p.height, q.y + q.height) - Math.max(p.y, q.y);
      if (dx > 1 && dy > 1) found.push(`${p.what} / ${q.what}`);
    }),
  );
  return found;
}

/** Boxes that cross the map's edge by more than a pixel. */
function outside(boxes: readonly Box[], map: Box): string[] {
  return boxes
    .filter((b) => b.x < map.x - 1 || b.y < map.y - 1 || b.x + b.width > map.x + map.width + 1 || b.y + b.height > map.y + map.height + 1)
    .map((b) => b.what);
}

/** What covers nothing: every marker's disc and label apart, names inside the map and off its controls. */
function coverings({ discs, labels, leaders, names, controls, map }: Drawn): Record<string, string[]> {
  // A leader meets its own disc and label: only other places' count.
  const others = (line: Box, boxes: readonly Box[]) => boxes.filter((b) => !line.what.endsWith(` ${b.what.replace(/^label of /, "")}`));
  return {
    "marker discs overlapping": overlaps(discs, discs, true),
    "marker labels overlapping": overlaps(labels, labels, true),
    "marker labels covering a marker": overlaps(labels, discs),
    "leader lines crossing another marker or label": leaders.flatMap((line) => [
      ...overlaps([line], others(line, discs)),
      ...overlaps([line], others(line, labels)),
    ]),
    "marker labels cut at the map's edge": outside(labels, map),
    "marker labels under a control": overlaps(labels, controls),
    "basemap names covering a marker or its label": overlaps(names, [...discs, ...labels, ...leaders]),
    "basemap names overlapping": overlaps(names, names, true),
    "basemap names cut at the map's edge": outside(names, map),
    "basemap names under a control": overlaps(names, controls),
  };
}

async function expectNothingCovered(page: Page) {
  const drawn = await drawnBoxes(page);
  for (const [what, found] of Object.entries(coverings(drawn))) expect(found, what).toEqual([]);
  return drawn;
}

/**
 * Whether a reader sees each of these places' names whole: the label is shown, inside the map,
 * and is what is on top at both of its ends and its middle (nothing, not a control nor a panel,
 * lies over it).
 */
async function namesInSight(page: Page, placeIds: readonly string[]): Promise<Record<string, boolean>> {
  return page.evaluate((ids) => {
    const map = document.querySelector(".leaflet-container")!.getBoundingClientRect();
    return Object.fromEntries(
      ids.map((id) => {
        const label = document.querySelector<HTMLElement>(`[data-place="${id}"] .place-label`);
        if (!label || !label.checkVisibility()) return [id, false];
        const box = label.getBoundingClientRect();
        const within = box.left >= map.left - 1 && box.right <= map.right + 1 && box.top >= map.top - 1 && box.bottom <= map.bottom + 1;
        const middle = box.top + box.height / 2;
        const onTop = [box.left + 2, box.left + box.width / 2, box.right - 2].every((x) => {
          const hit = document.elementFromPoint(x, middle);
          return hit !== null && label.contains(hit);
        });
        return [id, within && onTop];
      }),
    );
  }, placeIds);
}

const ALL_IN_SIGHT = Object.fromEntries(Object.keys(CONTRACT_PLACES).map((id) => [id, true]));

/** Drags the map with the mouse, from an empty spot, so that a place's marker lands at `to` (page pixels). */
async function dragPlaceTo(page: Page, placeId: string, to: { x: number; y: number }) {
  const disc = await marker(page, placeId).locator(".place-marker-count").boundingBox();
  if (!disc) throw new Error(`no marker for ${placeId}`);
  const from = { x: disc.x + disc.width / 2, y: disc.y + disc.height / 2 };
  const grab = await page.evaluate(() => {
    // A spot of bare map: no marker, label or control under it.
    const map = document.querySelector(".leaflet-container")!.getBoundingClientRect();
    for (let y = map.top + map.height / 2; y < map.bottom - 40; y += 13)
      for (let x = map.left + 60; x < map.right - 60; x += 17) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !hit.closest(".leaflet-marker-icon, .leaflet-control, .leaflet-popup")) return { x, y };
      }
    return null;
  });
  if (!grab) throw new Error("no bare spot of map to grab");
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + (to.x - from.x), grab.y + (to.y - from.y), { steps: 12 });
  // The reader holds still before letting go: Leaflet throws the map on (inertia) only from the
  // moves of the last 50 ms, and the map should stop where it was dragged to.
  await page.waitForTimeout(120);
  await page.mouse.up();
  await waitForMapToSettle(page);
}

/** Where each marker's face sits relative to its place: the layout's offset, which a pan must not change. */
async function markerOffsets(page: Page): Promise<Record<string, string>> {
  return page
    .locator(".leaflet-marker-icon[data-place]")
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => [
          (el as HTMLElement).dataset.place,
          `${(el as HTMLElement).style.marginLeft},${(el as HTMLElement).style.marginTop}`,
        ]),
      ),
    );
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 667 },
]) {
  test(`at ${viewport.width}x${viewport.height} the opening map names places and cities, and nothing covers anything`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await waitForMap(page);
    await waitForBasemap(page);
    await waitForMapToSettle(page);
    const { discs, labels, names } = await expectNothingCovered(page);
    expect(labels.length, "most markers carry their name").toBeGreaterThanOrEqual(Math.ceil(discs.length / 2));
    expect(names.length, "the basemap names countries and cities").toBeGreaterThan(5);
    // Touch targets: every disc is at least 24 px (WCAG 2.5.8), and they do not overlap (above).
    for (const disc of discs) expect(Math.min(disc.width, disc.height), disc.what).toBeGreaterThanOrEqual(24);
    await saveScreenshot(page, `labels-opening-${viewport.width}`);
  });

  test(`at ${viewport.width}x${viewport.height} a reader sees the five places' names at first sight, and still after dragging one to the map's edge`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await page.goto("/");
    await waitForMap(page);
    await waitForBasemap(page);
    await waitForMapToSettle(page);
    expect(await namesInSight(page, Object.keys(CONTRACT_PLACES))).toEqual(ALL_IN_SIGHT);
    const before = await markerOffsets(page);

    // Damascus to just inside the left edge, where its name on its left would be cut.
    const map = (await page.locator(".leaflet-container").boundingBox())!;
    const disc = (await marker(page, "damascus").locator(".place-marker-count").boundingBox())!;
    await dragPlaceTo(page, "damascus", { x: map.x + 24, y: disc.y + disc.height / 2 });
    await expect.poll(() => namesInSight(page, ["damascus"]), { message: "Damascus named whole at the edge" }).toEqual({ damascus: true });
    await expectNothingCovered(page);
    expect(await markerOffsets(page), "a pan moves no marker off its place").toEqual(before);
    await saveScreenshot(page, `labels-dragged-left-${viewport.width}`);

    // Erbil down into the attribution's corner: its name goes where the credits are not.
    await dragPlaceTo(page, "erbil", { x: map.x + map.width - 30, y: map.y + map.height - 20 });
    await expect.poll(() => namesInSight(page, ["erbil"]), { message: "Erbil named whole by the attribution" }).toEqual({ erbil: true });
    await expectNothingCovered(page);
    await saveScreenshot(page, `labels-dragged-corner-${viewport.width}`);
  });
}

for (const [placeId, name] of Object.entries(CONTRACT_PLACES)) {
  test(`zoomed in on ${placeId}, its label reads "${name}" and covers nothing`, async ({ page }) => {
    await page.goto(`/?place=${placeId}`);
    await waitForMap(page);
    await waitForBasemap(page);
    await expect(popup(page)).toBeVisible();
    // The popup covers part of the map by design: close it to look at the map itself.
    await page.getByRole("button", { name: /close popup/i }).click();
    await waitForMapToSettle(page);
    await expect(marker(page, placeId).locator(".place-label")).toBeVisible();
    await expect(marker(page, placeId).locator(".place-label")).toHaveText(name);
    await expectNothingCovered(page);
  });
}

test("a selected place's label always shows, even where its neighbours crowd it", async ({ page }) => {
  // Zoomed out to the whole region, Khmeimim sits between Latakia, Damascus and Syria.
  await page.goto("/?place=khmeimim&view=4/34/40");
  await waitForMap(page);
  await expect(marker(page, "khmeimim").locator(".place-label")).toBeVisible();
});

test("each marker's accessible name starts with its place's name and holds its visible text (WCAG 2.5.3)", async ({ page }) => {
  await page.goto("/?view=9/35.4/35.9");
  await waitForMap(page);
  const markers = await page.locator(".leaflet-marker-icon[data-place]").evaluateAll((elements) =>
    elements.map((el) => {
      // The visible text as axe reads it: every visible text node, joined with nothing between.
      const visibleText = (node: Node): string =>
        node.nodeType === Node.TEXT_NODE
          ? (node.parentElement?.checkVisibility() ?? false)
            ? (node.nodeValue ?? "")
            : ""
          : [...node.childNodes].map(visibleText).join("");
      return {
        name: el.getAttribute("aria-label") ?? "",
        visible: visibleText(el),
        label: el.querySelector(".place-label")?.textContent ?? "",
      };
    }),
  );
  expect(markers.length).toBeGreaterThan(0);
  // As axe's label-content-name-mismatch compares them: case, punctuation and spacing aside.
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  for (const { name, visible, label } of markers) {
    expect(name.startsWith(label), `"${name}" starts with "${label}"`).toBe(true);
    expect(words(name), `"${name}" holds the visible "${visible}"`).toContain(words(visible));
  }
});

test("an open popup follows the map's width when the phone turns", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/?place=damascus");
  await waitForMap(page);
  await expect(popup(page)).toBeVisible();
  const wide = await page.locator(".leaflet-popup-content-wrapper").evaluate((el) => el.getBoundingClientRect().width);
  await page.setViewportSize({ width: 375, height: 667 });
  const map = page.locator(".leaflet-container");
  await expect
    .poll(
      async () => {
        const mapWidth = await map.evaluate((el) => el.getBoundingClientRect().width);
        const popupWidth = await page.locator(".leaflet-popup-content-wrapper").evaluate((el) => el.getBoundingClientRect().width);
        return popupWidth <= mapWidth - 60;
      },
      { message: "the popup fits the narrow map" },
    )
    .toBe(true);
  expect(wide).toBeGreaterThan(280);
});

test("the map credits Natural Earth and GeoNames once", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await waitForBasemap(page);
  const attribution = page.locator(".leaflet-control-attribution");
  await expect(attribution.getByRole("link", { name: "Natural Earth" })).toHaveCount(1);
  await expect(attribution.getByRole("link", { name: "GeoNames" })).toHaveCount(1);
});

test("Latakia Governorate is drawn as its outline, not only as a point", async ({ page }) => {
  await page.goto("/?place=latakia");
  await waitForMap(page);
  // The outline is an SVG path in the overlay pane, drawn in the province style.
  await expect(page.locator(".leaflet-overlay-pane path.area-outline")).toHaveCount(1);
});

/** How much of the basemap's canvas is land (its fill colour) and how much is sea (left clear). */
function basemapCover(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>(".leaflet-basemap-pane canvas")!;
    const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    let land = 0;
    let sea = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) sea++;
      else if (data[i] === 0xee && data[i + 1] === 0xf0 && data[i + 2] === 0xea) land++;
    }
    const pixels = data.length / 4;
    return { land: land / pixels, sea: sea / pixels };
  });
}

test("the basemap's canvas draws the land and leaves the sea clear, and draws again after a zoom", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await waitForBasemap(page);
  await waitForMapToSettle(page);
  // The opening view spans the Mediterranean to Iran: both land and sea.
  const opening = await basemapCover(page);
  expect(opening.land, "land at the opening view").toBeGreaterThan(0.3);
  expect(opening.sea, "sea at the opening view").toBeGreaterThan(0.05);

  // Zoomed in four steps on the middle of the map, inland in Iraq, the canvas is drawn again for
  // each new view: land all over, but for the borders drawn across it.
  for (let step = 0; step < 4; step++) {
    await page.getByRole("button", { name: "Zoom in" }).click();
    await waitForMapToSettle(page);
  }
  const inland = await basemapCover(page);
  expect(inland.land, "land once zoomed in").toBeGreaterThan(0.8);
  expect(inland.sea, "no sea once zoomed in").toBe(0);
});
