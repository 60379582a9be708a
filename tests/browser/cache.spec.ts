/**
 * Issue 9: a real cache in front. These tests run against nginx (tests/cache/nginx.mjs), a caching
 * reverse proxy on loopback in front of `next start`, kept or not by the app's own headers alone.
 */
import { expect, test, waitForMap } from "./fixtures";
import { popup } from "./helpers";

const PATHS = [
  "/",
  "/stories/putin-visits-syria-2020",
  "/places/khmeimim",
  "/events/iran-missiles-iraq-bases",
  "/events/iran-missiles-iraq-bases/opengraph-image",
  "/api/places",
  "/api/events?actors=iran",
];

for (const path of PATHS) {
  test(`a second request for ${path} is served by the cache`, async ({ request }) => {
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    expect(first.headers()["x-cache-status"], "the answer passed through the cache").toBeTruthy();
    const second = await request.get(path);
    expect(second.status()).toBe(200);
    expect(second.headers()["x-cache-status"]).toBe("HIT");
    expect(Buffer.compare(await second.body(), await first.body()), "the same bytes").toBe(0);
    expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  });
}

test("a filtered link through the cache still shows the filtered view, the second time from the cache", async ({ page, request }) => {
  const url = "/?actors=iran&place=erbil";
  const body = (await (await request.get("/api/events?story=putin-visits-syria-2020&actors=iran")).json()) as {
    features: { properties: { eventId: string } }[];
  };
  const expected = new Set(body.features.map((f) => f.properties.eventId)).size;
  for (const round of ["first", "second"]) {
    const response = await page.goto(url);
    if (round === "second") expect(response?.headers()["x-cache-status"]).toBe("HIT");
    await waitForMap(page);
    await expect(page.locator("li[data-event]"), `${round} visit`).toHaveCount(expected);
    await expect(popup(page)).toContainText("Erbil");
    await expect(page.locator('[data-actor="iran"]')).toHaveAttribute("aria-pressed", "true");
  }
});
