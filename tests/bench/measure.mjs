// One measurement of one page: a visit in Chromium through playwright-core (JavaScript shipped,
// time to first marker), or a Lighthouse run (mobile performance score, TBT, LCP).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";

const options = JSON.parse(readFileSync(new URL("../chromium.json", import.meta.url), "utf8"));
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? options.executablePath;

const LOCAL = /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|data:|blob:)/;

// Nothing may leave localhost. playwright's page.route() would pause every request, local ones
// too, on their way through the test process, and so slow down what is being timed; a proxy on a
// closed port refuses whatever is not loopback (Chromium never proxies loopback) at no cost to the
// rest, and the request listener below names anything that tried.
const BLOCK_OFFSITE = ["--proxy-server=http://127.0.0.1:9"];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...options.args, ...BLOCK_OFFSITE] });
}

// Runs before any of the page's scripts: records performance.now(), which counts from navigation
// start, when the first element with a data-place attribute is in the DOM.
const FIRST_MARKER_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector("[data-place]")) {
      window.__benchFirstMarker = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-place"] });
})();`;

/**
 * Loads `url` in a fresh context (cold cache) and returns the gzip size of the scripts it loaded
 * from its own origin once the network is idle, and, with `marker`, the first marker's time.
 */
export async function visit(browser, url, { marker }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(FIRST_MARKER_PROBE);
    const page = await context.newPage();
    const origin = new URL(url).origin;
    const scripts = [];
    const offsite = [];
    page.on("request", (request) => {
      if (!LOCAL.test(request.url())) offsite.push(request.url());
    });
    page.on("response", (response) => {
      if (!response.url().startsWith(origin) || response.request().resourceType() !== "script") return;
      scripts.push(response.body().then((body) => gzipSync(body).length));
    });
    const response = await page.goto(url, { waitUntil: "load" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const firstMarkerMs = marker
      ? await page
          .waitForFunction(() => window.__benchFirstMarker, null, { timeout: 30_000 })
          .then(
            (handle) => handle.jsonValue(),
            () => Promise.reject(new Error(`no [data-place] element on ${url} within 30 s`)),
          )
      : null;
    // Chunks loaded after hydration: wait for them, and for stragglers.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
    const kib = async () => (await Promise.all(scripts)).reduce((a, b) => a + b, 0) / 1024;
    const jsKib = await kib();
    const jsFiles = scripts.length;
    // `/` starts its app when the reader reaches for the page (components/startOnIntent.ts): press
    // a key, as a reader's first touch would, and count what loads until the page has hydrated.
    // Other pages have hydrated already; the key does nothing there.
    if (await page.locator(".first-view").count()) {
      await page.keyboard.press("Shift");
      await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
      await page.waitForTimeout(500); // stragglers, as above
    }
    const jsAppKib = await kib();
    // Where the page opens on its first view, the map's code waits for the reader to reach for the
    // map (MapLoader.tsx): move the pointer over it, as a reader would, and count what then loads.
    const firstView = page.locator(".first-view");
    if (marker && (await firstView.isVisible())) {
      await firstView.hover({ position: { x: 1, y: 1 }, force: true });
      await page.locator(".leaflet-marker-icon[data-place]").first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState("networkidle");
    }
    return { jsKib, jsFiles, jsAppKib, jsWithMapKib: await kib(), firstMarkerMs, offsite };
  } finally {
    await context.close();
  }
}

const LIGHTHOUSE_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

let lighthouseChrome = null;

/**
 * One Lighthouse run with its defaults (mobile, simulated throttling), in a Chromium of its own:
 * its report (`lhr`) and artifacts (the page's trace among them). Throws if the run failed.
 */
export async function lighthouseReport(url) {
  lighthouseChrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: LIGHTHOUSE_FLAGS,
    logLevel: "silent",
    handleSIGINT: false,
  });
  let result;
  try {
    result = await lighthouse(url, {
      port: lighthouseChrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    });
  } finally {
    killLighthouseChrome();
  }
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return { lhr, artifacts: result.artifacts };
}

/** One Lighthouse run (lighthouseReport), as the figures the bench reports. */
export async function lighthouseRun(url) {
  const { lhr } = await lighthouseReport(url);
  const score = lhr.categories.performance?.score;
  const tbt = lhr.audits["total-blocking-time"]?.numericValue;
  const lcp = lhr.audits["largest-contentful-paint"]?.numericValue;
  if (typeof score !== "number" || typeof tbt !== "number" || typeof lcp !== "number") {
    const why = ["total-blocking-time", "largest-contentful-paint"].map((id) => lhr.audits[id]?.errorMessage).filter(Boolean);
    throw new Error(`Lighthouse on ${url} gave no score, TBT or LCP${why.length ? `: ${why.join("; ")}` : ""}`);
  }
  const requests = lhr.audits["network-requests"]?.details?.items?.map((item) => item.url) ?? [];
  const tti = lhr.audits.interactive?.numericValue;
  return {
    score: score * 100,
    tbtMs: tbt,
    lcpMs: lcp,
    ttiMs: tti,
    requests: requests.length,
    offsite: requests.filter((u) => !LOCAL.test(u)),
  };
}

export function killLighthouseChrome() {
  lighthouseChrome?.kill();
  lighthouseChrome = null;
}
