import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, reachForMap, test } from "./fixtures";

/**
 * The embed inside another site's article: a host page served from a second loopback origin
 * (127.0.0.1, where the app is localhost) frames /embed/<story id> as a CMS would, sandboxed to
 * scripts and popups, with Pym.js's childId, and sizes the frame from the embed's messages.
 */
const STORY = "putin-visits-syria-2020";

let host: Server;
let hostOrigin: string;

function hostPage(src: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>An article</h1>
<p style="height:400px">Text above the map.</p>
<iframe id="embed" src="${src}" title="Map" style="width:100%;max-width:640px;height:300px;border:0" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>
<p style="height:1600px">Text below the map.</p>
<script>
  window.__messages = [];
  window.addEventListener("message", (event) => {
    window.__messages.push(event.data);
    const data = event.data;
    if (data && data.sentinel === "amp" && data.type === "embed-size") document.getElementById("embed").style.height = data.height + "px";
  });
</script>
</body></html>`;
}

test.beforeAll(async () => {
  host = createServer((request, response) => {
    const src = new URL(request.url ?? "/", "http://host").searchParams.get("src") ?? "";
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(hostPage(src.replace(/"/g, "&quot;")));
  });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

async function openHost(page: import("@playwright/test").Page, baseURL: string, query: string) {
  const src = `${baseURL}/embed/${STORY}?${query}`;
  await page.goto(`${hostOrigin}/?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator("#embed");
  await reachForMap(frame);
  await frame.locator(".leaflet-marker-icon[data-place]").first().waitFor();
  return frame;
}

test("an embed in a sandboxed frame on another origin draws the map, reports its height and links out", async ({ page, baseURL }) => {
  const frame = await openHost(page, baseURL!, "place=damascus&childId=dateline-1");

  // The popup of the place in the link, inside the frame.
  await expect(frame.locator(".leaflet-popup-content h2")).toHaveText(/Damascus/);
  await expect(frame.getByRole("group", { name: /actor/i }).or(frame.locator(".actor-filter")).first()).toBeVisible();
  await expect(frame.locator(".timeline")).toBeVisible();

  // Height messages in both formats; the host sized the frame to the content.
  await page.waitForFunction(() =>
    (window as unknown as { __messages: unknown[] }).__messages.some(
      (m) => typeof m === "string" && m.startsWith("pymxPYMxdateline-1xPYMxheightxPYMx"),
    ),
  );
  const embedHeight = await frame.locator(".embed").evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  await expect.poll(() => page.locator("#embed").evaluate((el) => Math.round(el.getBoundingClientRect().height))).toBe(embedHeight);
  expect(embedHeight).toBeGreaterThan(300);

  // "Open the full map" opens the story's page, with the same view, outside the frame.
  const [full] = await Promise.all([page.waitForEvent("popup"), frame.getByRole("link", { name: /Open the full map/ }).click()]);
  await full.waitForLoadState();
  expect(new URL(full.url()).pathname).toBe(`/stories/${STORY}`);
  expect(new URL(full.url()).searchParams.get("place")).toBe("damascus");
  await expect(full.locator(".leaflet-popup-content h2")).toHaveText(/Damascus/);
  await full.close();
});

test("the embed lets the page scroll past it until the reader clicks the map", async ({ page, baseURL }) => {
  const frame = await openHost(page, baseURL!, "");
  await expect(frame.locator(".embed-hint")).toBeVisible();
  const map = frame.locator(".leaflet-container");
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  const zoomBefore = await frame
    .locator(".leaflet-container")
    .evaluate((el) => el.querySelector(".leaflet-map-pane")?.getAttribute("style"));
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore);
  expect(await frame.locator(".leaflet-container").evaluate((el) => el.querySelector(".leaflet-map-pane")?.getAttribute("style"))).toBe(
    zoomBefore,
  );

  // A click engages the map: the hint goes, and the wheel zooms it.
  await map.click({ position: { x: 10, y: box.height - 10 } });
  await expect(frame.locator(".embed-hint")).toHaveCount(0);
  const box2 = (await map.boundingBox())!;
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  await page.mouse.wheel(0, -300);
  await expect
    .poll(
      () =>
        page
          .frames()
          .find((f) => f.url().includes("/embed/"))
          ?.url() ?? "",
    )
    .toContain("view=");
});

test("only embed pages may be framed by another origin", async ({ request }) => {
  const embed = await request.get(`/embed/${STORY}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  const story = await request.get(`/stories/${STORY}`);
  expect(story.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
});

test("oEmbed answers for this site's pages and refuses others", async ({ request, baseURL }) => {
  const answer = await request.get(`/api/oembed?url=${encodeURIComponent(`${baseURL}/places/damascus`)}&maxwidth=500`);
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toMatchObject({ version: "1.0", type: "rich", width: 500 });
  expect(body.html).toContain(`${baseURL}/embed/${STORY}?place=damascus`);
  const foreign = await request.get(`/api/oembed?url=${encodeURIComponent("https://example.com/stories/x")}`);
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.code).toBe("not_found");

  const page = await request.get(`/stories/${STORY}`);
  const html = await page.text();
  expect(html).toMatch(/<link rel="alternate" type="application\/json\+oembed" href="[^"]*\/api\/oembed\?url=/);
});
