import type { Page } from "@playwright/test";
import { HYDRATED_ATTRIBUTE } from "../../components/hydration";
import { expect, test } from "./fixtures";
import { expectQueryParam, listItem, popup, queryParam } from "./helpers";

// `/` and the share pages start their app when the reader reaches for it
// (components/startOnIntent.ts; a share page through app/_server/on-demand-page.ts): until then
// each is its HTML, whole, and no script of the app has run. A click that comes first is answered
// once the app has hydrated, on the same element.

const EVENTS = 13;
const IRAN_EVENTS = 6;

/** True once React has hydrated the page. */
const hydrated = (page: Page) => page.evaluate((attribute) => document.documentElement.hasAttribute(attribute), HYDRATED_ATTRIBUTE);

/** True once Next.js's client has started (it sets `window.next` as it boots). */
const nextStarted = (page: Page) => page.evaluate(() => "next" in window);

test("/ runs none of the app's scripts until the reader reaches for the page, and a key starts it", async ({ page }) => {
  await page.goto("/", { waitUntil: "networkidle" });
  expect(await nextStarted(page), "Next.js's client before any intent").toBe(false);
  expect(await hydrated(page)).toBe(false);
  await expect(page.locator(".event-list [data-event]"), "the whole story is in the HTML").toHaveCount(EVENTS);
  await page.keyboard.press("Shift");
  await page.locator(`html[${HYDRATED_ATTRIBUTE}]`).waitFor({ state: "attached" });
  expect(await nextStarted(page)).toBe(true);
});

/** The script files the page has added to its head, in order (not the old browsers' polyfill). */
const addedScripts = (page: Page) =>
  page.evaluate(() =>
    [...document.head.querySelectorAll("script[src]:not([nomodule])")].map((s) => new URL((s as HTMLScriptElement).src).pathname),
  );

const PAYLOAD_FILE = /^\/_next\/static\/dateline\/payload-[\w-]+\.js$/;

test("/'s React payload is a script file apart, added first: Next.js's scripts come after it", async ({ page }) => {
  await page.goto("/", { waitUntil: "networkidle" });
  expect(await page.evaluate(() => "__next_f" in self), "no payload in the page itself").toBe(false);
  await page.keyboard.press("Shift");
  await page.locator(`html[${HYDRATED_ATTRIBUTE}]`).waitFor({ state: "attached" });
  const [payload, ...next] = await addedScripts(page);
  expect(payload).toMatch(PAYLOAD_FILE);
  expect(next.length).toBeGreaterThan(0);
  for (const src of next) expect(src).toMatch(/^\/_next\/static\/chunks\//);
});

test("when /'s payload cannot load (a page kept from an earlier build), Next.js never starts, and links work", async ({
  page,
  problems,
}) => {
  await page.route("**/_next/static/dateline/*.js", (route) => route.abort("failed"));
  await page.goto("/", { waitUntil: "networkidle" });
  const failed = page.waitForEvent("requestfailed", (request) => PAYLOAD_FILE.test(new URL(request.url()).pathname));
  await page.keyboard.press("Shift");
  await failed;
  expect(await addedScripts(page), "only the payload was added").toEqual([expect.stringMatching(PAYLOAD_FILE)]);
  expect(await nextStarted(page)).toBe(false);
  await page.locator('.first-view [data-place="khmeimim"]').click();
  await expect(page).toHaveURL(/\/places\/khmeimim$/);
  expect(problems.consoleErrors.every((error) => error.includes("net::ERR_FAILED"))).toBe(true);
  problems.consoleErrors.length = 0;
});

test("a click on an actor filter before the app has started filters once the app has", async ({ page }) => {
  await page.goto("/");
  expect(await hydrated(page)).toBe(false);
  await page.locator('[data-actor="iran"]').first().click();
  await expectQueryParam(page, "actors", "iran");
  await expect(page.locator(".event-list [data-event]")).toHaveCount(IRAN_EVENTS);
  expect(await hydrated(page)).toBe(true);
  // The click was given to the app once: a second would have toggled the filter off again.
  expect(queryParam(page, "actors")).toBe("iran");
});

test("a tap on a first view's marker before the app has started opens its place on this page's map", async ({ page }) => {
  await page.goto("/");
  expect(await hydrated(page)).toBe(false);
  await page.locator('.first-view [data-place="khmeimim"]').click();
  await expect(popup(page)).toContainText("Khmeimim");
  expect(new URL(page.url()).pathname, "the app answered, not the link to the share page").toBe("/");
  expect(queryParam(page, "place")).toBe("khmeimim");
});

test("the keyboard alone: a focus starts the app, and Enter on an event chooses it", async ({ page }) => {
  await page.goto("/");
  const item = listItem(page, "putin-assad-talks-damascus").locator(".event-button");
  await item.focus();
  await page.keyboard.press("Enter");
  await expectQueryParam(page, "event", "putin-assad-talks-damascus");
});

test("a link with a query that asks for no view shows the whole story at once and waits for the reader", async ({ page }) => {
  await page.goto("/?utm_source=newsletter", { waitUntil: "networkidle" });
  await expect(page.locator(".event-list [data-event]")).toHaveCount(EVENTS);
  await expect(page.locator(".app")).toBeVisible();
  expect(await nextStarted(page)).toBe(false);
});

test("when the app's scripts cannot load, a marker held for the app is followed as a link", async ({ page, problems }) => {
  await page.route("**/_next/static/chunks/*.js", (route) => route.abort("failed"));
  await page.goto("/");
  await page.locator('.first-view [data-place="khmeimim"]').click();
  await expect(page).toHaveURL(/\/places\/khmeimim$/);
  // The aborted scripts are this test's doing: those are the only errors it may log.
  expect(problems.consoleErrors.every((error) => error.includes("net::ERR_FAILED"))).toBe(true);
  problems.consoleErrors.length = 0;
});

const SHARE_PAGE = "/events/iran-missiles-iraq-bases";

test("a share page, rendered on its first request, also waits for the reader, under a policy that allows its loader", async ({ page }) => {
  const csp: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text());
  });
  await page.goto(SHARE_PAGE, { waitUntil: "networkidle" });
  expect(await nextStarted(page), "Next.js's client before any intent").toBe(false);
  await expect(page.locator(".first-view [data-place]")).not.toHaveCount(0);
  await page.keyboard.press("Shift");
  await page.locator(`html[${HYDRATED_ATTRIBUTE}]`).waitFor({ state: "attached" });
  expect(await nextStarted(page)).toBe(true);
  expect(csp).toEqual([]);
});

test("a tap on a share page's marker before the app has started starts that page's map", async ({ page }) => {
  await page.goto(SHARE_PAGE);
  expect(await hydrated(page)).toBe(false);
  await page.locator('.first-view [data-place="ain-al-asad"]').click();
  await expect(page.locator('.leaflet-marker-icon[data-place="ain-al-asad"]')).toBeVisible();
  expect(new URL(page.url()).pathname, "the page answered, not the marker's link").toBe(SHARE_PAGE);
});

test("a client-side navigation to a share page still gets React's payload of it from Next.js", async ({ request }) => {
  const payload = await request.get(SHARE_PAGE, { headers: { rsc: "1" } });
  expect(payload.status()).toBe(200);
  expect(payload.headers()["content-type"]).toMatch(/^text\/x-component/);
  const document = await request.get(SHARE_PAGE);
  expect(document.headers()["content-type"]).toMatch(/^text\/html/);
  expect(await document.text()).not.toMatch(/<script src="[^"]+" async="">/);
});
