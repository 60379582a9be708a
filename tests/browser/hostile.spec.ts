/**
 * The site built from tests/fixtures/hostile, where every text people see holds markup and script
 * (`<img src=x onerror=…>`, `<script>`, `javascript:`, `"><svg onload=…>`, `</script>`). In popups,
 * the event list, the article panel and the share pages the text must show literally, no element
 * may be injected and no script may run (each payload would set window.__xss).
 * Runs as the Playwright project "hostile" against the .next-hostile build (tests/run-all.sh).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { listItem, marker, popup } from "./helpers";

test.use({ viewport: { width: 1440, height: 900 } });

interface Provenance {
  kind: string;
  citation?: { title: string; publisher: string; url: string };
}
interface HostileEvent {
  id: string;
  title: string;
  summary: string;
  provenance: Provenance;
  dateProvenance?: Provenance;
  places: { place: string; provenance?: Provenance }[];
  quote: { text: string };
}
interface HostilePlace {
  id: string;
  properties: { name: string; aliases: string[] };
}

const DIR = path.join("tests", "fixtures", "hostile");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as T;
const STORY_DIR = path.join("stories", "2020-01-08-putin-visits-syria");
const story = readJson<{ title: string; source: string; sourceNote: string; text: string }>(path.join(STORY_DIR, "story.json"));
const events = readJson<{ events: HostileEvent[] }>(path.join(STORY_DIR, "events.json")).events;
const places = readJson<{ features: HostilePlace[] }>("places.geojson").features;
const actors = readJson<{ actors: { id: string; name: string }[] }>("actors.json").actors;
const placeById = new Map(places.map((p) => [p.id, p]));

const IMG = '<img src=x onerror="window.__xss=1">';
const PAYLOADS = [IMG, "<script>window.__xss=2</script>", "javascript:window.__xss=3", '"><svg onload=window.__xss=4>'];
const CONTRACT_PLACES = ["damascus", "latakia", "khmeimim", "ain-al-asad", "erbil"];

/** The titles of an event's citations: all of them, or those a place's popup shows (not other places'). */
const citationTitles = (e: HostileEvent, placeId?: string) =>
  [e.provenance, e.dateProvenance, ...e.places.filter((p) => !placeId || p.place === placeId).map((p) => p.provenance)].flatMap((p) =>
    p?.citation ? [p.citation.title] : [],
  );

/** Exact text of an element, as the DOM holds it (no whitespace folding). */
const textOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.textContent ?? "");

/**
 * Fails if anything from the data became markup or ran: window.__xss set, an <img src=x>, any
 * on* attribute, a javascript: link, or a script mentioning __xss other than data (JSON-LD, and
 * Next's flight data pushed as one JSON array; both must parse as JSON, so they hold no code).
 */
async function expectNothingInjected(page: Page) {
  const found = await page.evaluate(() => ({
    xss: String((window as unknown as { __xss?: unknown }).__xss),
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    handlers: [...document.querySelectorAll("*")]
      .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on")))
      .map((el) => el.outerHTML.slice(0, 120)),
    jsLinks: [...document.querySelectorAll("a[href], area[href], iframe, embed, object")]
      .map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("data") ?? "")
      .filter((href) => /^\s*javascript:/i.test(href) || href === ""),
    scripts: [...document.scripts].filter((s) => s.text.includes("__xss")).map((s) => ({ type: s.type, text: s.text })),
    payloadFiles: [
      ...new Set([...document.documentElement.outerHTML.matchAll(/\/_next\/static\/dateline\/payload-[\w-]+\.js/g)].map(([file]) => file)),
    ],
  }));
  expect(found.xss, "window.__xss (a payload ran)").toBe("undefined");
  expect(found.images, "injected <img src=x>").toBe(0);
  expect(found.svgs, "injected <svg onload>").toBe(0);
  expect(found.handlers, "elements with inline event handlers").toEqual([]);
  expect(found.jsLinks, "javascript: or empty links and embeds").toEqual([]);
  for (const { type, text } of found.scripts) {
    const data = type === "application/ld+json" ? text : /^\s*self\.__next_f\.push\((\[[\s\S]*\])\)\s*;?\s*$/.exec(text)?.[1];
    expect(data, `a script with __xss that is not data: ${text.slice(0, 200)}`).toBeDefined();
    expect(() => JSON.parse(data ?? ""), `script data parses as JSON: ${text.slice(0, 200)}`).not.toThrow();
  }
  // `/` keeps its payload in a script file apart (app/_server/loader-html.ts), one statement a line,
  // each of which must queue data, as the inline ones above.
  for (const file of found.payloadFiles) {
    const code = await (await page.request.get(file)).text();
    for (const line of code.split("\n").filter(Boolean)) {
      const data = /^(?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\((\[.*\])\);$/.exec(line)?.[1];
      expect(data, `a line of ${file} that is not data: ${line.slice(0, 200)}`).toBeDefined();
      expect(() => JSON.parse(data ?? ""), `${file}: data parses as JSON: ${line.slice(0, 200)}`).not.toThrow();
    }
  }
}

test.beforeAll(async ({ request }) => {
  const answer = await request.get("/api/places").catch((error: Error) => {
    throw new Error(
      `no hostile server (${error.message}): build it first with ` +
        "DATELINE_DATA_DIR=tests/fixtures/hostile DATELINE_DIST_DIR=.next-hostile npx next build",
    );
  });
  const names = ((await answer.json()) as { features: HostilePlace[] }).features.map((f) => f.properties.name);
  expect(names.join(" "), "the server serves the hostile data").toContain(IMG);
});

test.afterEach(async ({ page }) => {
  if (page.url().startsWith("http")) await expectNothingInjected(page);
});

test("the HTML sent for /, a place and an event holds no live markup from the data", async ({ request }) => {
  for (const url of ["/", "/?place=damascus", "/places/damascus", `/events/${events[0]!.id}`]) {
    const html = await (await request.get(url)).text();
    for (const raw of ["<img src=x", "<svg onload", "<script>window.__xss", "</script><script>window"]) {
      expect(html.includes(raw), `${url} contains ${raw} unescaped`).toBe(false);
    }
    expect(html, `${url} carries the data`).toMatch(/__xss=1/);
  }
});

for (const placeId of CONTRACT_PLACES) {
  test(`the popup of ${placeId} shows names, titles, quotes and citations literally`, async ({ page }) => {
    const place = placeById.get(placeId)!;
    await page.goto(`/?place=${placeId}`);
    await waitForMap(page);
    // The accessible name starts with the place's name, as text (a label attribute is never parsed as markup).
    expect((await marker(page, placeId).getAttribute("aria-label"))?.startsWith(`${place.properties.name}, `)).toBe(true);
    await expect(marker(page, placeId).locator(".place-label")).toHaveText(place.properties.name);
    const content = popup(page);
    await expect(content.locator(`[data-popup-place="${placeId}"]`)).toBeVisible();
    expect(await textOf(page, ".leaflet-popup-content h2")).toBe(place.properties.name);
    const here = events.filter((e) => e.places.some((p) => p.place === placeId));
    expect(here.length).toBeGreaterThan(0);
    for (const e of here) {
      const entry = `.leaflet-popup-content [data-popup-event="${e.id}"]`;
      expect(await textOf(page, `${entry} h3`), `${e.id} title`).toBe(e.title);
      expect(await textOf(page, `${entry} q`), `${e.id} quote`).toBe(e.quote.text);
      for (const title of citationTitles(e, placeId)) await expect(page.locator(entry), `${e.id} citation`).toContainText(title);
    }
    await expect(content.getByText(PAYLOADS.find((p) => place.properties.name.includes(p)) ?? IMG).first()).toBeVisible();
    await content.getByRole("button", { name: "Read in the article" }).first().click();
  });
}

test("the event list and the actor filter show titles, places and actor names literally", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  for (const e of events) {
    expect(await textOf(page, `li[data-event="${e.id}"] .event-item-title`), e.id).toBe(e.title);
    const names = e.places.flatMap((p) => placeById.get(p.place)?.properties.name ?? []);
    for (const name of names) await expect(listItem(page, e.id).locator(".event-item-places")).toContainText(name);
  }
  for (const actor of actors) expect(await textOf(page, `[data-actor="${actor.id}"] .actor-name`)).toBe(actor.name);
  expect(await textOf(page, ".panel-header h1")).toBe(story.title);
  expect(await textOf(page, ".panel-header .dateline")).toBe(`${story.source} · 8 January 2020`);
  await expect(page.locator(".event-list").getByText(IMG).first()).toBeVisible();

  // Interact: filter by an actor, choose events, open their popups.
  await page.locator(`[data-actor="${actors[0]!.id}"]`).click();
  await page.locator(`[data-actor="${actors[0]!.id}"]`).click();
  for (const e of events.slice(0, 4)) {
    await listItem(page, e.id).locator(".event-button").click();
    await expect.poll(() => new URL(page.url()).searchParams.get("event")).toBe(e.id);
    await expect(popup(page).locator(`[data-popup-event="${e.id}"]`)).toBeVisible();
  }
});

test("the article panel shows the story's text, its quotes and the citations literally", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  const scroll = ".article-panel .article-scroll";
  await page.locator(`${scroll} mark[data-event]`).first().waitFor();
  const text = await textOf(page, scroll);
  for (const payload of PAYLOADS) expect(text, `the article shows ${payload}`).toContain(payload);
  for (const e of events) {
    expect(await textOf(page, `${scroll} mark[data-event="${e.id}"]`), `${e.id} highlight`).toBe(e.quote.text);
    for (const title of citationTitles(e)) expect(text, `${e.id} citation`).toContain(title);
  }
  await expect(page.locator(scroll).getByText(IMG).first()).toBeVisible();
  expect(await textOf(page, `${scroll} .article-meta`)).toBe(`${story.source} · 8 January 2020`);
  expect(await textOf(page, `${scroll} .article-about p`)).toBe(story.sourceNote);
  for (const e of events.slice(0, 3)) {
    await page.locator(`${scroll} mark[data-event="${e.id}"]`).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("event")).toBe(e.id);
  }
  await page.keyboard.press("ArrowRight");
});

test("the place share pages show names, aliases and events literally", async ({ page }) => {
  for (const placeId of CONTRACT_PLACES) {
    const place = placeById.get(placeId)!;
    await page.goto(`/places/${placeId}`);
    expect(await textOf(page, "h1"), placeId).toBe(place.properties.name);
    expect(await page.title(), placeId).toContain(place.properties.name);
    for (const alias of place.properties.aliases) await expect(page.locator(".share-intro")).toContainText(alias);
    // The events come under their story's title (h3), each titled in an h4.
    expect(await textOf(page, ".share-story-title"), `${placeId} story title`).toBe(story.title);
    for (const e of events.filter((x) => x.places.some((p) => p.place === placeId))) {
      expect(await textOf(page, `.share-text [data-popup-event="${e.id}"] h4`), e.id).toBe(e.title);
    }
    const jsonLd = await textOf(page, 'script[type="application/ld+json"]');
    expect(JSON.stringify(JSON.parse(jsonLd)), `${placeId} JSON-LD holds the name as data`).toContain(
      JSON.stringify(place.properties.name),
    );
    await expectNothingInjected(page);
  }
  await expect(page.getByText(PAYLOADS[0]!).first()).toBeVisible();
});

test("the event share pages show titles, summaries and quotes literally", async ({ page }) => {
  for (const e of events) {
    await page.goto(`/events/${e.id}`);
    expect(await textOf(page, "h1"), e.id).toBe(e.title);
    expect(await page.title(), e.id).toContain(e.title);
    expect(await textOf(page, ".share-intro"), `${e.id} summary`).toBe(e.summary);
    expect(await textOf(page, ".share-from-story a"), `${e.id} story title`).toBe(story.title);
    expect(await textOf(page, `.share-text [data-popup-event="${e.id}"] q`), `${e.id} quote`).toBe(e.quote.text);
    await expectNothingInjected(page);
  }
});
