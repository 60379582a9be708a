/**
 * Without DATELINE_STUDIO=on at build and at start, the studio is not there: /studio is the real
 * 404 page and every /api/studio/... route a 404 in the API's error shape (CONTRACT.md "The studio").
 * Runs in the "app" project against the public build (a build with the studio but started without
 * DATELINE_STUDIO=on answers the same).
 */
import { expect, test } from "./fixtures";

test("/studio is the 404 page, with its text in the HTML", async ({ page, problems }) => {
  const response = await page.goto("/studio");
  // Chromium logs the document's own 404 as a console error; that one is expected here.
  const others = problems.consoleErrors.filter((m) => !/status of 404/.test(m));
  problems.consoleErrors.splice(0, problems.consoleErrors.length, ...others);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is nothing at this address");
  expect(await response?.text()).toContain("There is nothing at this address");
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
});

test("every /api/studio/... route is a 404 in the API's error shape", async ({ request }) => {
  const answers = [
    await request.post("/api/studio/draft", { data: { text: "Putin visited Damascus.", dateline: "2020-01-08" } }),
    await request.get("/api/studio/dataset"),
    await request.get("/api/studio/places?q=Damascus"),
    await request.post("/api/studio/save", { data: {} }),
    await request.post("/api/studio/validate", { data: {} }),
  ];
  for (const answer of answers) {
    expect(answer.status(), answer.url()).toBe(404);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/studio/);
  }
});
