import type { Locator } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { popup } from "./helpers";

/** The contract's places and the words their popup's heading must contain. */
const CONTRACT_PLACES: Record<string, string> = {
  damascus: "Damascus",
  latakia: "Latakia",
  khmeimim: "Khmeimim",
  "ain-al-asad": "Ain al-Asad",
  erbil: "Erbil",
};

/** Whether a <q> element is drawn with quotation marks around it (they come from CSS, not the text). */
function hasQuotationMarks(q: Locator): Promise<boolean> {
  return q.evaluate((el) => {
    const quotes = getComputedStyle(el).quotes;
    const before = getComputedStyle(el, "::before").content;
    const after = getComputedStyle(el, "::after").content;
    const drawn = (content: string) => content !== "none" && content !== "normal" && content !== '""';
    return quotes !== "none" && drawn(before) && drawn(after);
  });
}

for (const [placeId, name] of Object.entries(CONTRACT_PLACES)) {
  test(`/?place=${placeId} opens ${name}'s popup with dated, quoted events`, async ({ page }) => {
    await page.goto(`/?place=${placeId}`);
    await waitForMap(page);
    const content = popup(page);
    await expect(content).toBeVisible();
    await expect(content.getByRole("heading", { level: 2 })).toContainText(name);

    const events = content.getByRole("article");
    await expect(events.first()).toBeVisible();
    const count = await events.count();
    for (let i = 0; i < count; i++) {
      const event = events.nth(i);
      const title = await event.getByRole("heading", { level: 3 }).innerText();
      await expect(event.locator("time").first(), `${title}: its date`).toHaveText(/\d{4}/);
      const quote = event.locator("q");
      await expect(quote, `${title}: its quote`).toHaveText(/\w/);
      expect(await hasQuotationMarks(quote), `${title}: the quote is drawn in quotation marks`).toBe(true);
    }
  });
}

test("Damascus's popup lists its events in date order, the 2012 rebel advance first", async ({ page }) => {
  await page.goto("/?place=damascus");
  await waitForMap(page);
  const content = popup(page);
  await expect(content.getByRole("heading", { level: 2 })).toContainText("Damascus");
  await expect(content.getByRole("article")).toHaveCount(5);

  const titles = await content.getByRole("article").getByRole("heading", { level: 3 }).allInnerTexts();
  const rebels = titles.findIndex((t) => t.includes("Armed rebels reach the capital"));
  const talks = titles.findIndex((t) => t.includes("Putin meets Assad"));
  expect(rebels, "the 2012 event is listed").toBeGreaterThanOrEqual(0);
  expect(talks, "a 2020-01-07 event is listed").toBeGreaterThanOrEqual(0);
  expect(rebels, "2012 comes before 7 January 2020").toBeLessThan(talks);

  // Each event's date is the first <time> in it.
  const dates = await content
    .getByRole("article")
    .evaluateAll((articles) => articles.map((a) => a.querySelector("time")?.textContent?.trim() ?? ""));
  expect(dates).toEqual(["2012", "7 January 2020", "7 January 2020", "7 January 2020", "7 January 2020"]);
});

/** Each date as the popup must show it: at its precision, never padded with a made-up day or month. */
const DATES_AT_PRECISION: { place: string; date: string; title: string }[] = [
  { place: "damascus", date: "7 January 2020", title: "Putin meets Assad at the Russian command post in Damascus" },
  { place: "damascus", date: "2012", title: "Armed rebels reach the capital, Damascus" },
  { place: "khmeimim", date: "2017", title: "Putin's previous visit, to the Khmeimim air base" },
  { place: "latakia", date: "2017", title: "Putin's previous visit, to the Khmeimim air base" },
  { place: "ain-al-asad", date: "8 January 2020", title: "Iran fires ballistic missiles at two bases hosting US forces in Iraq" },
  { place: "syria", date: "since 2011", title: "Iran and Russia help Assad win back lost territory" },
];

for (const { place, date, title } of DATES_AT_PRECISION) {
  test(`${place}'s popup dates "${title}" as "${date}"`, async ({ page }) => {
    await page.goto(`/?place=${place}`);
    await waitForMap(page);
    const event = popup(page)
      .getByRole("article")
      .filter({ has: page.getByRole("heading", { name: title }) });
    await expect(event).toHaveCount(1);
    await expect(event.locator("time").first()).toHaveText(date);
  });
}
