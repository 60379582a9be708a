/**
 * Issue 9: a story page is prerendered once, unfiltered, and the view in its query string applies
 * in the browser as the page starts. A filtered link must never show the unfiltered story first.
 */
import { expect, test, waitForMap } from "./fixtures";
import { listItem, popup } from "./helpers";

const STORY = "putin-visits-syria-2020";

/** The distinct events the API keeps for a filter: what the list must show. */
async function eventIds(request: import("@playwright/test").APIRequestContext, query: string): Promise<string[]> {
  const body = (await (await request.get(`/api/events?story=${STORY}&${query}`)).json()) as {
    features: { properties: { eventId: string } }[];
  };
  return [...new Set(body.features.map((f) => f.properties.eventId))].sort();
}

for (const path of ["/", `/stories/${STORY}`]) {
  test(`${path}?actors=iran never paints the unfiltered list, from the first frame on`, async ({ page, request }) => {
    const expected = await eventIds(request, "actors=iran");
    const all = await eventIds(request, "");
    expect(expected.length).toBeLessThan(all.length);
    // Before the page's own scripts: on every frame, the events the reader could see.
    await page.addInitScript(() => {
      const frames: string[][] = ((window as unknown as { __frames: string[][] }).__frames = []);
      const sample = () => {
        const app = document.querySelector(".app");
        if (app && getComputedStyle(app).visibility === "visible") {
          frames.push([...document.querySelectorAll("li[data-event]")].map((li) => li.getAttribute("data-event") ?? "").sort());
        }
        if (frames.length < 400) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.goto(`${path}?actors=iran`);
    await waitForMap(page);
    await expect(page.locator("li[data-event]")).toHaveCount(expected.length);
    const frames = await page.evaluate(() => (window as unknown as { __frames: string[][] }).__frames);
    expect(frames.length, "frames sampled while the app was visible").toBeGreaterThan(0);
    for (const shown of frames) expect(shown, "every painted frame shows the filtered list").toEqual(expected);
  });
}

test("the HTML holds the whole story, unfiltered, whatever the query: the same bytes for every link", async ({ request }) => {
  const plain = await (await request.get(`/stories/${STORY}`)).text();
  const filtered = await (await request.get(`/stories/${STORY}?actors=iran&place=erbil`)).text();
  expect(filtered).toBe(plain);
  for (const id of await eventIds(request, "")) expect(plain, id).toContain(`data-event="${id}"`);
});

test("a link's place and bad values apply in the browser: popup open, and the notice names the bad value", async ({ page }) => {
  await page.goto("/?place=damascus&actors=iran,nobody");
  await waitForMap(page);
  await expect(popup(page)).toContainText("Damascus");
  await expect(page.getByRole("status").filter({ hasText: "nobody" })).toBeVisible();
  await expect(listItem(page, "iran-missiles-iraq-bases")).toBeVisible();
});

test("Back and Forward still move between views of the prerendered page", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await page.locator('[data-actor="iran"]').click();
  await expect.poll(() => new URL(page.url()).searchParams.get("actors")).toBe("iran");
  const filtered = await page.locator("li[data-event]").count();
  await page.goBack();
  await expect.poll(() => new URL(page.url()).search).toBe("");
  await expect(page.locator("li[data-event]")).not.toHaveCount(filtered);
  await page.goForward();
  await expect(page.locator("li[data-event]")).toHaveCount(filtered);
});
