import type { Page } from "@playwright/test";
import { expectNoBlockingViolations } from "./axe";
import { expect, test, waitForMap } from "./fixtures";
import { popup, waitForMapToSettle } from "./helpers";

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 375, height: 667 };

/** Loads a page with the map and waits until it is drawn and still. */
async function loadMapPage(page: Page, url: string) {
  await page.goto(url);
  await waitForMap(page);
  await waitForMapToSettle(page);
}

test.describe("desktop", () => {
  test.use({ viewport: DESKTOP });

  test("/ passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/");
    await expect(page.locator(".article-panel mark[data-event]").first()).toBeVisible();
    await expectNoBlockingViolations(page, "/ at 1440x900");
  });

  test("/?place=damascus with its popup open passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/?place=damascus");
    await expect(popup(page).locator('[data-popup-place="damascus"]')).toBeVisible();
    await expectNoBlockingViolations(page, "/?place=damascus with the popup open");
  });

  test("/places/khmeimim passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/places/khmeimim");
    await expectNoBlockingViolations(page, "/places/khmeimim");
  });

  test("/events/iran-missiles-iraq-bases passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/events/iran-missiles-iraq-bases");
    await expectNoBlockingViolations(page, "/events/iran-missiles-iraq-bases");
  });
});

test.describe("phone", () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test("/ at 375x667 passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/");
    await expectNoBlockingViolations(page, "/ at 375x667");
  });

  test("/ at 375x667 with the popup open passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/?place=damascus");
    await expect(popup(page).locator('[data-popup-place="damascus"]')).toBeVisible();
    await expectNoBlockingViolations(page, "/?place=damascus at 375x667 with the popup open");
  });

  test("/ at 375x667 with the event list open passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/");
    await page.locator(".panel-toggle").click();
    await expect(page.locator("li[data-event]").first()).toBeVisible();
    await expectNoBlockingViolations(page, "/ at 375x667 with the event list open");
  });

  test("/ at 375x667 with the timeline open over the map passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/?from=2020-01-07&to=2020-01-08");
    await page.getByRole("button", { name: /^Dates/ }).click();
    await expect(page.getByRole("slider", { name: "Start of the date range" })).toBeVisible();
    await expectNoBlockingViolations(page, "/?from=2020-01-07&to=2020-01-08 at 375x667 with the timeline open");
  });

  test("/ at 375x667 with the article open passes every axe rule", async ({ page }) => {
    await loadMapPage(page, "/");
    await page.getByRole("button", { name: "Read the article" }).click();
    await expect(page.locator(".article-panel mark[data-event]").first()).toBeVisible();
    await expectNoBlockingViolations(page, "/ at 375x667 with the article drawer open");
  });
});
