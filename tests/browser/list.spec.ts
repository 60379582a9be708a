import { expect, test, waitForMap } from "./fixtures";
import { expectQueryParam, listItem, popup } from "./helpers";

test("choosing an event in the list opens its place's popup on that event and marks it current", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);

  const item = listItem(page, "putin-assad-talks-damascus");
  await item.locator(".event-button").click();

  const content = popup(page);
  await expect(content.getByRole("heading", { level: 2 })).toHaveText(/Damascus/);
  const title = content.getByRole("heading", { name: "Putin meets Assad at the Russian command post in Damascus" });
  await expect(title).toBeVisible();
  await expect(
    content.locator("q", { hasText: "Peskov also revealed that Putin visited the Russian Command post in Damascus" }),
  ).toBeVisible();

  await expectQueryParam(page, "event", "putin-assad-talks-damascus");
  await expect(item).toHaveAttribute("aria-current", "true");
  await expect(page.locator("li[data-event][aria-current]")).toHaveCount(1);
});

test("the chosen event's title and quote are in view inside a popup that holds several events", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await listItem(page, "putin-assad-talks-damascus").locator(".event-button").click();
  const content = popup(page);
  await expect(content.getByRole("heading", { level: 2 })).toHaveText(/Damascus/);
  // Damascus holds five events and its popup scrolls; toBeInViewport sees clipping by that scroll box, toBeVisible does not.
  await expect(content.getByRole("heading", { name: "Putin meets Assad at the Russian command post in Damascus" })).toBeInViewport({
    ratio: 1,
  });
  await expect(content.locator("q", { hasText: "Peskov also revealed" })).toBeInViewport({ ratio: 1 });
});

test("an event placed from context shows a visible 'context' mark and its citation in Ain al-Asad's popup", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);

  await listItem(page, "iran-missiles-iraq-bases").locator(".event-button").click();
  await expectQueryParam(page, "event", "iran-missiles-iraq-bases");

  const content = popup(page);
  await expect(content.getByRole("heading", { level: 2 })).toHaveText(/Ain al-Asad/);
  await expect(
    content.getByRole("heading", { name: "Iran fires ballistic missiles at two bases hosting US forces in Iraq" }),
  ).toBeVisible();

  const mark = content.getByText("context", { exact: true });
  await expect(mark.first()).toBeVisible();
  const citation = content.getByRole("link", { name: /Operation Martyr Soleimani/ });
  await expect(citation.first()).toBeVisible();
  await expect(citation.first()).toHaveAttribute("href", "https://en.wikipedia.org/wiki/Operation_Martyr_Soleimani");
});
