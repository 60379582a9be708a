import { test, waitForMap } from "./fixtures";
import { listItem, popup } from "./helpers";
test("debug", async ({ page }) => {
  await page.goto("/");
  await waitForMap(page);
  await listItem(page, "putin-assad-talks-damascus").getByRole("button").click();
  await popup(page).waitFor();
  await page.waitForTimeout(1500);
  const art = popup(page).locator('[data-popup-event="putin-assad-talks-damascus"]');
  console.log(await art.evaluate((el) => { const p = el.closest(".leaflet-popup-content")!.getBoundingClientRect(); const r = el.getBoundingClientRect(); const q = el.querySelector("q")!.getBoundingClientRect(); return { p: [p.top, p.bottom], a: [r.top, r.bottom], q: [q.top, q.bottom], vh: innerHeight }; }));
});
