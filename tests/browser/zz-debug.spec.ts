import { test, waitForMap } from "./fixtures";
import { listItem, saveScreenshot } from "./helpers";
test.use({ viewport: { width: 1280, height: 800 } });
test("debug", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  
  await listItem(page, "putin-assad-talks-damascus").getByRole("button").click();
  for (let i = 0; i < 8; i++) {
    console.log(i * 250, page.url(), await page.evaluate(() => { const b = document.querySelector('[data-place="damascus"]')!.getBoundingClientRect(); const p = document.querySelector('.leaflet-popup')?.getBoundingClientRect(); return [Math.round(b.x), Math.round(b.y), p && Math.round(p.x), document.querySelector(".leaflet-control-zoom-in")?.className]; }));
    await page.waitForTimeout(250);
  }
  await saveScreenshot(page, "zz-debug");
});
