import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, waitForMap } from "./fixtures";
import { popup, waitForMapToSettle } from "./helpers";

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const BLOCKING = new Set(["serious", "critical"]);

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 667 };

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, saying for
 * each what the rule is, where (the first few elements' selectors) and what axe says would fix it.
 */
async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  const report = blocking
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 3)
        .map((n) => `    - ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`)
        .join("\n");
      const more = v.nodes.length > 3 ? `\n    (and ${v.nodes.length - 3} more)` : "";
      return `  ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes}${more}`;
    })
    .join("\n");
  const minor = results.violations.filter((v) => !BLOCKING.has(v.impact ?? "")).map((v) => `${v.id} (${v.impact})`);
  if (minor.length > 0) test.info().annotations.push({ type: "minor axe violations", description: minor.join(", ") });
  expect(
    blocking.map((v) => `${v.id} (${v.impact}, ${v.nodes.length} elements)`),
    `serious or critical axe violations on ${what}:\n${report}`,
  ).toEqual([]);
}

/** Loads a page with the map and waits until it is drawn and still. */
async function loadMapPage(page: Page, url: string) {
  await page.goto(url);
  await waitForMap(page);
  await waitForMapToSettle(page);
}

test.describe("desktop", () => {
  test.use({ viewport: DESKTOP });

  // App bug (axe target-size, WCAG 2.5.8): the event list's "Read in the article" and "Copy link" chips are 21px tall next to the event button; give .event-item-actions .chip a min-height of 24px.
  test("/ has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/");
    await expect(page.locator(".article-panel mark[data-event]").first()).toBeVisible();
    await expectNoSeriousViolations(page, "/ at 1440x900");
  });

  // App bug (axe target-size, WCAG 2.5.8): the event list's "Read in the article" and "Copy link" chips are 21px tall next to the event button; give .event-item-actions .chip a min-height of 24px.
  test("/?place=damascus with its popup open has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/?place=damascus");
    await expect(popup(page).locator('[data-popup-place="damascus"]')).toBeVisible();
    await expectNoSeriousViolations(page, "/?place=damascus with the popup open");
  });

  test("/places/khmeimim has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/places/khmeimim");
    await expectNoSeriousViolations(page, "/places/khmeimim");
  });

  test("/events/iran-missiles-iraq-bases has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/events/iran-missiles-iraq-bases");
    await expectNoSeriousViolations(page, "/events/iran-missiles-iraq-bases");
  });
});

test.describe("phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("/ at 375x667 has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/");
    await expectNoSeriousViolations(page, "/ at 375x667");
  });

  test("/ at 375x667 with the popup open has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/?place=damascus");
    await expect(popup(page).locator('[data-popup-place="damascus"]')).toBeVisible();
    await expectNoSeriousViolations(page, "/?place=damascus at 375x667 with the popup open");
  });

  // App bug (axe target-size, WCAG 2.5.8): the event list's "Read in the article" and "Copy link" chips are 21px tall next to the event button; give .event-item-actions .chip a min-height of 24px.
  test("/ at 375x667 with the event list open has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/");
    await page.locator(".panel-toggle").click();
    await expect(page.locator("li[data-event]").first()).toBeVisible();
    await expectNoSeriousViolations(page, "/ at 375x667 with the event list open");
  });

  test("/ at 375x667 with the article open has no serious or critical axe violations", async ({ page }) => {
    await loadMapPage(page, "/");
    await page.getByRole("button", { name: "Read the article" }).click();
    await expect(page.locator(".article-panel mark[data-event]").first()).toBeVisible();
    await expectNoSeriousViolations(page, "/ at 375x667 with the article drawer open");
  });
});
