import { expect, markerIds, test, waitForMap } from "./fixtures";

const CONTRACT_PLACES = ["damascus", "latakia", "khmeimim", "ain-al-asad", "erbil"];

test("the page loads with a marker for each contract place, no errors and no offsite requests", async ({ page, problems }) => {
  await page.goto("/");
  await waitForMap(page);
  const ids = await markerIds(page);
  for (const id of CONTRACT_PLACES) expect(ids).toContain(id);
  await expect(page.locator('[data-place="khmeimim"]')).toHaveAccessibleName(/Khmeimim/);
  expect(problems.pageErrors).toEqual([]);
});

test("clicking Khmeimim's marker opens a popup about the 2017 visit with its quote", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await page.locator('[data-place="khmeimim"]').click();
  const popup = page.locator(".leaflet-popup-content");
  await expect(popup).toContainText("Khmeimim Air Base");
  await expect(popup).toContainText("2017");
  await expect(popup).toContainText("his last visit to the Khmeimim airbase in Latakia province in 2017");
  await expect(page).toHaveURL(/[?&]place=khmeimim/);
});
