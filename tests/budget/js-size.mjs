// Prints how much JavaScript the browser downloads for a page, gzipped, against two baselines:
// the framework's weight stated in issue 2 (Next.js 16, React 19 and Leaflet: about 175 KiB gzip)
// and, measured in the same run, the 404 page, which loads Next.js and React and nothing of ours.
// A budget that prints figures, not a test that fails on a slow machine.
//   node tests/budget/js-size.mjs [base URL]   (a production server must be running)
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://localhost:3210";
const FRAMEWORK_KIB = 175;
const options = JSON.parse(readFileSync(new URL("../chromium.json", import.meta.url), "utf8"));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? options.executablePath, args: options.args });
try {
  const measure = async (path) => {
    const page = await browser.newPage();
    const sizes = [];
    page.on("response", async (response) => {
      if (!response.url().startsWith(base) || response.request().resourceType() !== "script") return;
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes.push(gzipSync(body).length);
    });
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    await page.close();
    return { kib: sizes.reduce((a, b) => a + b, 0) / 1024, files: sizes.length };
  };
  const baseline = await measure("/no-such-page-budget-baseline");
  console.log(`JS for the 404 page (Next.js + React only): ${baseline.kib.toFixed(1)} KiB gzip in ${baseline.files} files`);
  for (const path of ["/", "/places/khmeimim"]) {
    const { kib, files } = await measure(path);
    console.log(
      `JS for ${path}: ${kib.toFixed(1)} KiB gzip in ${files} files; ${(kib / baseline.kib).toFixed(2)}x the 404 page; ` +
        `${(kib / FRAMEWORK_KIB).toFixed(2)}x the ~${FRAMEWORK_KIB} KiB framework estimate (Dateline's share ~${Math.max(0, kib - FRAMEWORK_KIB).toFixed(1)} KiB)`,
    );
  }
} finally {
  await browser.close();
}
