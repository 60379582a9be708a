/**
 * Issue 5's security and fault handling in the running production build: security headers on
 * pages, API answers and assets; the page working under its nonce CSP with no violation; an error
 * boundary that keeps the event list working when the map library throws; the 404 page.
 */
import { test as base, type Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
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
    const csp = headers["content-security-policy"] ?? "";
    expect(csp).toMatch(/frame-ancestors '(self|none)'/);
    expect(csp).toMatch(/base-uri '(self|none)'/);
    // Pages run scripts by nonce only; other answers may run nothing at all.
    if (path.startsWith("/api") || path.endsWith(".json")) expect(csp).toMatch(/default-src 'none'/);
    else {
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    }
  });
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("every request gets its own nonce, and the page's scripts carry it", async ({ request }) => {
  const [first, second] = [await request.get("/"), await request.get("/")];
  const [a, b] = [nonceOf(first.headers()["content-security-policy"]), nonceOf(second.headers()["content-security-policy"])];
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(a).not.toBe(b);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) {
    if (/type="application\/(ld\+)?json"/.test(tag)) continue;
    expect(tag, "every script carries this response's nonce").toContain(`nonce="${a}"`);
  }
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
  await page.locator(".leaflet-container").waitFor();
  await page.goto("/events/iran-missiles-iraq-bases");
  await page.locator(".leaflet-container").waitFor();
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
