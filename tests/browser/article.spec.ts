import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { expectQueryParam, listItem, popup, queryParam } from "./helpers";

/** The reading panel is a third column at this width. */
test.use({ viewport: { width: 1440, height: 900 } });

// The story's data, read straight from the files the app is built from.
interface Citation {
  title: string;
  publisher: string;
  url: string;
}
interface Provenance {
  kind: "article" | "context";
  citation?: Citation;
}
interface StoryEvent {
  id: string;
  title: string;
  date: string;
  dateProvenance?: Provenance;
  provenance: Provenance;
  places: { place: string; role: string; provenance?: Provenance }[];
  quote: { start: number; end: number; text: string };
}
const DATA = path.join(process.cwd(), "geo", "data", "stories", "2020-01-08-putin-visits-syria");
const story = JSON.parse(readFileSync(path.join(DATA, "story.json"), "utf8")) as { text: string };
const events = (JSON.parse(readFileSync(path.join(DATA, "events.json"), "utf8")) as { events: StoryEvent[] }).events;
const eventById = new Map(events.map((e) => [e.id, e]));

const isContext = (p: Provenance | undefined): p is Provenance & { citation: Citation } => p?.kind === "context";

/** One context fact as a place's popup must mark it: the event, the place, and the citations expected there. */
interface PopupFacts {
  eventId: string;
  placeId: string;
  citations: string[];
}
/** Every (event, place) pair whose popup entry has at least one fact from outside the article. */
const popupFacts: PopupFacts[] = events.flatMap((e) =>
  e.places.flatMap(({ place, provenance }) => {
    const citations = [provenance, e.dateProvenance, e.provenance].filter(isContext).map((p) => p.citation.url);
    return citations.length > 0 ? [{ eventId: e.id, placeId: place, citations }] : [];
  }),
);
/** The citations of the facts the article panel lists as "Not in the article": each context place, each context date. */
const panelCitations: string[] = events
  .flatMap((e) => [
    ...e.places.map((p) => p.provenance).filter(isContext),
    ...[e.dateProvenance].filter(isContext),
    ...[e.provenance].filter(isContext),
  ])
  .map((p) => p.citation.url);

function articleScroll(page: Page): Locator {
  return page.locator(".article-panel .article-scroll");
}

function mark(page: Page, eventId: string): Locator {
  return page.locator(`.article-panel mark[data-event="${eventId}"]`);
}

async function loadPage(page: Page, url: string) {
  await page.goto(url);
  await waitForMap(page);
  await mark(page, events[0]!.id).waitFor();
}

/** Waits until the open popup is the place's, with the event's entry marked as focused. */
async function expectPopupFocusedOn(page: Page, placeId: string, eventId: string) {
  await expect(popup(page).locator(`[data-popup-place="${placeId}"]`), `${placeId}'s popup is open`).toBeVisible();
  await expect(popup(page).locator(`[data-popup-event="${eventId}"]`), `${eventId} is focused in the popup`).toHaveAttribute(
    "aria-current",
    "true",
  );
}

/** Waits until the event's highlight lies wholly inside the visible part of the article's scroll box. */
async function expectMarkInView(page: Page, eventId: string) {
  await expect
    .poll(
      async () => {
        const box = await articleScroll(page).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
        const quote = await mark(page, eventId).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
        return quote.top >= box.top - 1 && quote.bottom <= box.bottom + 1;
      },
      { message: `the highlight of ${eventId} is within the article's visible area` },
    )
    .toBe(true);
}

test("every highlight is exactly the article's text at its event's offsets, one per event", async ({ page }) => {
  await loadPage(page, "/");
  const marks = await page
    .locator(".article-panel mark[data-event]")
    .evaluateAll((els) => els.map((el) => ({ eventId: (el as HTMLElement).dataset.event ?? "", text: el.textContent ?? "" })));

  const counts = new Map<string, number>();
  for (const { eventId } of marks) counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
  expect(
    events.filter((e) => counts.get(e.id) !== 1).map((e) => `${e.id}: ${counts.get(e.id) ?? 0} marks`),
    "one mark per event",
  ).toEqual([]);
  expect(marks.length, "no marks for unknown events").toBe(events.length);

  for (const { eventId, text } of marks) {
    const event = eventById.get(eventId);
    expect(event, `mark for unknown event ${eventId}`).toBeDefined();
    if (!event) continue;
    expect(text, `${eventId}: the mark's text is story.text[${event.quote.start}, ${event.quote.end})`).toBe(
      story.text.slice(event.quote.start, event.quote.end),
    );
  }
});

test("clicking a highlight opens its place's popup with the event focused, and sets event= in the URL", async ({ page }) => {
  await loadPage(page, "/");
  for (const eventId of ["military-reports-presented", "putin-visit-khmeimim-2017"]) {
    const placeId = eventById.get(eventId)!.places[0]!.place;
    await mark(page, eventId).click();
    await expectQueryParam(page, "event", eventId);
    await expectPopupFocusedOn(page, placeId, eventId);
    await expect(mark(page, eventId), "the chosen highlight is emphasised").toHaveClass(/is-active/);
  }
});

test("the numbered button after a highlight does the same from the keyboard", async ({ page }) => {
  await loadPage(page, "/");
  const eventId = "iran-missiles-iraq-bases";
  const placeId = eventById.get(eventId)!.places[0]!.place;
  const button = page.locator(`[data-quote-ref="${eventId}"]`);
  await button.focus();
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  await expectQueryParam(page, "event", eventId);
  await expectPopupFocusedOn(page, placeId, eventId);
  await expect(button).toHaveAttribute("aria-current", "true");
});

test("/?event= for an event late in the article scrolls the article to its quote", async ({ page }) => {
  const eventId = "syria-war-toll";
  await loadPage(page, `/?event=${eventId}`);
  await expect
    .poll(() => articleScroll(page).evaluate((el) => el.scrollTop), { message: "the article's box has scrolled" })
    .toBeGreaterThan(0);
  await expectMarkInView(page, eventId);
  await expect(mark(page, eventId)).toHaveClass(/is-active/);
});

test("'Read in the article' in a popup focuses the quote and scrolls the article to it", async ({ page }) => {
  const eventId = "syria-war-toll";
  const placeId = eventById.get(eventId)!.places[0]!.place;
  await loadPage(page, `/?place=${placeId}`);
  const entry = popup(page).locator(`[data-popup-event="${eventId}"]`);
  await entry.getByRole("button", { name: "Read in the article" }).click();
  await expect(page.locator(`[data-quote-ref="${eventId}"]`), "the quote's button has the focus").toBeFocused();
  await expectMarkInView(page, eventId);
  await expectQueryParam(page, "event", eventId);
});

test("'Read in the article' in the event list focuses the quote and scrolls the article to it", async ({ page }) => {
  const eventId = "shiite-militias-and-sieges";
  await loadPage(page, "/");
  await listItem(page, eventId).getByRole("button", { name: "Read in the article" }).click();
  await expect(page.locator(`[data-quote-ref="${eventId}"]`), "the quote's button has the focus").toBeFocused();
  await expectMarkInView(page, eventId);
  await expectQueryParam(page, "event", eventId);
});

test("the story's data has the context facts these tests rely on", () => {
  const pairs = popupFacts.map((f) => `${f.eventId}@${f.placeId}`);
  expect(pairs).toEqual(
    expect.arrayContaining([
      "iran-missiles-iraq-bases@ain-al-asad",
      "iran-missiles-iraq-bases@erbil",
      "us-kills-soleimani@baghdad-airport",
      "rebels-reach-damascus@damascus",
    ]),
  );
  expect(popupFacts.find((f) => f.eventId === "us-kills-soleimani")?.citations, "Soleimani: place and date").toHaveLength(2);
});

for (const { eventId, placeId, citations } of popupFacts) {
  test(`the context mark shows on ${eventId} in ${placeId}'s popup, with its citation`, async ({ page }) => {
    await page.goto(`/?place=${placeId}`);
    await waitForMap(page);
    await expect(popup(page).locator(`[data-popup-place="${placeId}"]`)).toBeVisible();
    const entry = popup(page).locator(`[data-popup-event="${eventId}"]`);
    const marks = entry.locator('[data-provenance="context"]');
    await expect(marks, `one context mark per fact Dateline added (${citations.length})`).toHaveCount(citations.length);
    for (let i = 0; i < citations.length; i++) await expect(marks.nth(i)).toContainText("context");
    const hrefs = await marks.locator("a[href]").evaluateAll((els) => els.map((el) => el.getAttribute("href")));
    expect(hrefs.sort(), "each context mark links its citation").toEqual([...citations].sort());
  });
}

test("facts from the article carry no context mark", async ({ page }) => {
  await page.goto("/?place=damascus");
  await waitForMap(page);
  const entry = popup(page).locator('[data-popup-event="putin-assad-talks-damascus"]');
  await expect(entry).toBeVisible();
  await expect(entry.locator('[data-provenance="context"]')).toHaveCount(0);
});

test("the article panel lists every context fact under 'Not in the article', with citation links", async ({ page }) => {
  await loadPage(page, "/");
  const section = page.locator(".article-panel section").filter({ has: page.getByRole("heading", { name: /Not in the article/ }) });
  await expect(section).toBeVisible();
  const marks = section.locator('[data-provenance="context"]');
  await expect(marks).toHaveCount(panelCitations.length);
  for (let i = 0; i < panelCitations.length; i++) await expect(marks.nth(i)).toContainText("context");
  const hrefs = await marks.locator("a[href]").evaluateAll((els) => els.map((el) => el.getAttribute("href")));
  expect(hrefs.sort()).toEqual([...panelCitations].sort());
  // The citations are real links a reader can follow.
  await expect(section.getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);
});

test.describe("below 1200px wide", () => {
  test.use({ viewport: { width: 1100, height: 800 } });

  test("the article is a drawer opened by 'Read the article' and closed by 'Close'", async ({ page }) => {
    await page.goto("/");
    await waitForMap(page);
    const panel = page.locator(".article-panel");
    await expect(panel, "the drawer starts closed").toBeHidden();

    await page.getByRole("button", { name: "Read the article" }).click();
    await expect(panel).toBeVisible();
    await expect(mark(page, "putin-visits-syria")).toBeVisible();
    const box = await panel.boundingBox();
    expect(box && box.x + box.width, "the drawer lies on screen").toBeLessThanOrEqual(1100 + 1);

    // Choosing a highlight from the drawer focuses its event.
    await mark(page, "putin-assad-talks-damascus").click();
    await expectQueryParam(page, "event", "putin-assad-talks-damascus");

    await panel.getByRole("button", { name: "Close", exact: true }).click();
    await expect(panel).toBeHidden();
    expect(queryParam(page, "event"), "closing the drawer keeps the event").toBe("putin-assad-talks-damascus");
  });
});
