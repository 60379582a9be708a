/**
 * Issue 5's and issue 9's security in the running production build: security headers on pages, API
 * answers and assets; pages that are the same bytes for every request, under a script policy made
 * of their own inline scripts' hashes (no nonce), with no violation; the framing rules; caching
 * headers; an error boundary that keeps the event list working when the map library throws; the
 * 404 page.
 */
import { test as base, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { inlineHashes } from "../../app/_server/csp-hashes";
import { LOADER_FILE, PAYLOAD_FOLDER, startOnIntentWithPayloadApart } from "../../app/_server/loader-html";
import { frontPageFile } from "../../app/_server/front-page.cjs";
import { expect, reachForMap, test, waitForMap } from "./fixtures";
import { expectQueryParam, listItem, popup } from "./helpers";

const HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "strict-transport-security", "permissions-policy"];

for (const path of ["/", "/places/khmeimim", "/events/putin-visits-syria", "/api/events", "/api/events?format=csv", "/basemap.json"]) {
  test(`${path} carries the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    for (const name of HEADERS) expect(headers[name], name).toBeTruthy();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
    expect(headers["x-frame-options"]).toBe("SAMEORIGIN");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/frame-ancestors '(self|none)'/);
    expect(csp).toMatch(/base-uri '(self|none)'/);
    // Pages run scripts by hash only; other answers may run nothing at all.
    if (path.startsWith("/api") || path.endsWith(".json")) expect(csp).toMatch(/default-src 'none'/);
    else {
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(csp).not.toMatch(/nonce|strict-dynamic|unsafe-eval/);
    }
  });
}

/** The sources of one directive of a policy. */
const sources = (csp: string, name: string) =>
  (csp.split(";").find((d) => d.trim().startsWith(`${name} `)) ?? "").trim().split(/\s+/).slice(1);

// The 404 page too, and share pages: rendered on their first request, hashed then by proxy.ts.
for (const path of [
  "/",
  "/stories",
  "/stories/putin-visits-syria-2020",
  "/embed/putin-visits-syria-2020",
  "/places/latakia",
  "/events/iran-missiles-iraq-bases",
  "/no-such-page",
]) {
  test(`${path} is the same bytes for every request, and its policy allows exactly its inline scripts`, async ({ request }) => {
    const [first, second] = [await request.get(path), await request.get(path)];
    const body = await first.text();
    expect(await second.text(), "the same bytes twice").toBe(body);
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(second.headers()["content-security-policy"]).toBe(csp);
    const scripts = sources(csp, "script-src");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(body, "no nonce in the HTML").not.toMatch(/\snonce=/);
    const { scripts: hashes } = inlineHashes(body);
    expect(hashes.length, "the page's inline scripts (React's payload, or the loader)").toBeGreaterThan(0);
    for (const hash of hashes) expect(scripts, `${hash} allowed`).toContain(hash);
  });
}

test("/ is its prerendered page served as a static file, which has no address of its own; its React payload is a script file, and still the page's", async ({
  request,
}) => {
  const home = await request.get("/?actors=iran");
  expect(home.status()).toBe(200);
  expect(home.headers()["vary"], "a cache keeps the document and the payload apart").toMatch(/\brsc\b/);
  expect(home.headers()["etag"]).toBeTruthy();
  expect(home.headers()["x-nextjs-cache"], "not through Next.js's page cache").toBeUndefined();
  const dist = process.env.DATELINE_DIST_DIR?.trim() || ".next";
  const published = startOnIntentWithPayloadApart(
    readFileSync(path.join(dist, "server", "app", "index.html"), "utf8"),
    readFileSync(path.join(dist, LOADER_FILE), "utf8"),
  );
  expect(await home.text(), "the prerendered page, made to start on the reader's first intent").toBe(published.html);
  expect(published.payload, "its React payload, apart").toBeDefined();
  expect(published.html, "none of the payload left inline").not.toContain("self.__next_f");
  const payloadFile = await request.get(`/_next/${PAYLOAD_FOLDER}/${published.payload?.name}`);
  expect(payloadFile.headers()["content-type"]).toMatch(/javascript/);
  expect(payloadFile.headers()["cache-control"], "named by its content: kept for good").toMatch(/immutable/);
  expect(await payloadFile.text()).toBe(published.payload?.code);
  expect((await request.get(frontPageFile(dist))).status()).toBe(404);
  const payload = await request.get("/", { headers: { rsc: "1" }, maxRedirects: 5 });
  expect(payload.headers()["content-type"]).toMatch(/^text\/x-component/);
});

test("only embeds may be framed by other sites", async ({ request }) => {
  // The embed pages are built elsewhere; the rule holds for the path whether or not a page answers it.
  const embed = await request.get("/embed/putin-visits-syria-2020");
  expect(sources(embed.headers()["content-security-policy"] ?? "", "frame-ancestors")).toEqual(["*"]);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/", "/stories", "/places/damascus"]) {
    const page = await request.get(path);
    expect(sources(page.headers()["content-security-policy"] ?? "", "frame-ancestors"), path).toEqual(["'self'"]);
    expect(page.headers()["x-frame-options"], path).toBe("SAMEORIGIN");
  }
});

test("pages, preview images and the API may be kept by shared caches; build assets are immutable", async ({ request }) => {
  const shared = /public.*s-maxage=\d+.*stale-while-revalidate=\d+/;
  for (const path of ["/", "/stories/putin-visits-syria-2020", "/places/damascus", "/events/putin-visits-syria"]) {
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toMatch(shared);
    const etag = response.headers()["etag"];
    expect(etag, `${path} ETag`).toBeTruthy();
    const again = await request.get(path, { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status(), `${path} revalidates to 304`).toBe(304);
  }
  for (const path of ["/places/damascus/opengraph-image", "/api/places", "/api/events?actors=iran"]) {
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toMatch(shared);
    expect(response.headers()["etag"], `${path} ETag`).toBeTruthy();
  }
  const html = await (await request.get("/")).text();
  const asset = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  expect((await request.get(asset ?? "")).headers()["cache-control"]).toMatch(/immutable/);
});

/** Records CSP violations (the DOM event and any console message about the policy) on a page. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) messages.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return async () => [...messages, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("the page works under its CSP: load, open a popup, filter, open a share page, no violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/");
  await waitForMap(page);
  await page.locator('.leaflet-marker-icon[data-place="khmeimim"]').click();
  await expect(popup(page)).toContainText("Khmeimim");
  await page.locator('[data-actor="iran"]').click();
  await expectQueryParam(page, "actors", "iran");
  await page.goto("/?from=2020-01-07&to=2020-01-08&place=damascus");
  await waitForMap(page);
  await expect(popup(page)).toBeVisible();
  await listItem(page, "iran-missiles-iraq-bases").locator(".event-button").click();
  await expectQueryParam(page, "event", "iran-missiles-iraq-bases");
  expect(await violations(), "CSP violations on /").toEqual([]);
  await page.goto("/places/khmeimim");
  await waitForMap(page);
  await page.goto("/events/iran-missiles-iraq-bases");
  await waitForMap(page);
  expect(await violations(), "CSP violations on the share pages").toEqual([]);
});

// The fixture fails on console errors; here the failure is the point, so the plain test is used
// and only the expected messages are allowed.
base("when the map library throws, the map says so and the event list still works", async ({ page }) => {
  const unexpected: string[] = [];
  const expected = /map library failed \(test\)|The above error occurred|error boundary|Dateline: The \w+ failed/i;
  page.on("console", (m) => {
    if (m.type() === "error" && !expected.test(m.text())) unexpected.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (!expected.test(e.message)) unexpected.push(e.message);
  });
  await page.addInitScript(() => {
    window.ResizeObserver = class {
      constructor() {
        throw new Error("map library failed (test)");
      }
    } as unknown as typeof ResizeObserver;
  });
  await page.goto("/");
  // The map's code loads when the reader reaches for the map; only then can its library throw.
  await reachForMap(page);
  const alert = page.locator(".map-area").getByRole("alert").filter({ hasText: "The map could not be shown" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("map library failed (test)");
  const item = listItem(page, "putin-visit-khmeimim-2017");
  await item.locator(".event-button").click();
  await expectQueryParam(page, "event", "putin-visit-khmeimim-2017");
  await expect(item).toHaveAttribute("aria-current", "true");
  await page.locator('[data-actor="iran"]').click();
  await expectQueryParam(page, "actors", "iran");
  await expect(page.locator("li[data-event]").first()).toBeVisible();
  expect(unexpected, "console errors other than the map's failure").toEqual([]);
});

for (const path of ["/places/nowhere", "/does-not-exist"]) {
  test(`${path} is the 404 page with a link back to the map`, async ({ page, problems }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const back = page.locator('a[href="/"]').filter({ hasText: /map/i });
    await expect(back).toBeVisible();
    // Chromium logs the document's own 404 as a console error: expected here.
    problems.consoleErrors.splice(0, Infinity, ...problems.consoleErrors.filter((m) => !/status of 404/.test(m)));
    await back.click();
    await waitForMap(page);
    expect(new URL(page.url()).pathname).toBe("/");
  });
}
