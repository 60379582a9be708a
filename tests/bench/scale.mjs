// What a story's size costs the reader: for the 13-event story and generated stories of 1,000 and
// 10,000 events, the HTML and script bytes of `/`, time to first byte, time to first marker (a
// place or a cluster), time until every event is in, the median filter redraw (an actor toggle and
// a brush move: from the reader's input to the next frame after "N of M events" changes, timed in
// the page with requestAnimationFrame), the JavaScript heap and the DOM's size; the 1,000 and
// 10,000 figures also as ratios to the 13-event one. Issue 11's targets are checked at the end.
//
//   npm run bench:scale                      builds what is missing, then measures
//   npm run bench:scale -- --build           rebuilds every size first
//   npm run bench:scale -- --runs 5          page loads per size (median), 3 by default
//   npm run bench:scale -- --sizes 13,10000  only these sizes
//
// Data folders: 13 is geo/data; N is DATELINE_SCALE_DATA_<N> if set, else test-results/scale-<N>,
// made by `npm run generate:fixture -- --events N --out <dir>` when the folder is missing. Each
// size is built into .next-scale-<N> (DATELINE_TILES=off) and served by `next start`. Results are
// also written to test-results/bench-scale.json. Nothing leaves localhost.
// DATELINE_SCALE_ORIGIN_<N>=http://host:port measures a server already running for size N instead;
// DATELINE_SCALE_DIST_PREFIX (default .next-scale-) and DATELINE_SCALE_PORT (a first port, one per
// size after it; default: any free port) place the builds and servers.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "./measure.mjs";
import { freePort, killAllServersNow, nextBuild, startServer, stopAllServers } from "./servers.mjs";

const ROOT = path.resolve(new URL("../..", import.meta.url).pathname);
const RESULTS = path.join(ROOT, "test-results");
const TARGETS = { firstMarkerRatio: 2, htmlRatio: 2, redrawMs: 100 };
// Even: the toggles turn each actor on and off again, so the brush starts from the whole story.
const REDRAWS = 10;

function parseArgs(argv) {
  const options = { build: false, runs: 3, sizes: [13, 1000, 10000] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--build") options.build = true;
    else if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--sizes") options.sizes = String(argv[++i]).split(",").map(Number);
    else throw new Error(`bench:scale: unknown argument "${arg}" (try --build, --runs N, --sizes 13,1000,10000)`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error("bench:scale: --runs wants a whole number of at least 1");
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("bench:scale: --sizes wants event counts such as 13,1000");
  return options;
}

const progress = (message) => process.stderr.write(`bench:scale: ${message}\n`);
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The data folder for a size, generated if it is missing. */
function dataDir(size) {
  if (size === 13) return path.join(ROOT, "geo/data");
  const dir = process.env[`DATELINE_SCALE_DATA_${size}`] ?? path.join(RESULTS, `scale-${size}`);
  if (existsSync(path.join(dir, "places.geojson"))) return dir;
  progress(`generating ${size} events into ${dir}`);
  const run = spawnSync("npm", ["run", "--silent", "generate:fixture", "--", "--events", String(size), "--out", dir], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (run.status !== 0)
    throw new Error(`could not generate ${dir} (npm run generate:fixture exited ${run.status}); set DATELINE_SCALE_DATA_${size}`);
  return dir;
}

/** Milliseconds to the first byte of the answer, and its bytes. */
function firstByte(url) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, (response) => {
        let ttfb;
        const chunks = [];
        response.on("data", (chunk) => {
          ttfb ??= performance.now() - started;
          chunks.push(chunk);
        });
        response.on("end", () => resolve({ ttfb, body: Buffer.concat(chunks), status: response.statusCode }));
      })
      .on("error", reject);
  });
}

// Runs before the page's scripts: the time (from navigation start) at which the first place or
// cluster marker is in the DOM.
const FIRST_MARKER_PROBE = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector("[data-place], [data-cluster]")) {
      window.__firstMarker = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-place", "data-cluster"] });
})();`;

/**
 * Arms a one-shot timer in the page: from the next `trigger` event (captured before the app sees
 * it) to the frame after the list's "N of M events" text changes. Resolves with the milliseconds.
 */
function armRedrawTimer(page, trigger) {
  return page.evaluate((trigger) => {
    const summary = document.querySelector(".list-heading .summary");
    if (!summary) throw new Error('no ".list-heading .summary" on the page');
    window.__redraw = new Promise((resolve) => {
      let started;
      const start = () => (started = performance.now());
      window.addEventListener(trigger, start, { capture: true, once: true });
      const before = summary.textContent;
      const observer = new MutationObserver(() => {
        if (summary.textContent === before || started === undefined) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      });
      observer.observe(summary, { characterData: true, childList: true, subtree: true });
    });
  }, trigger);
}

/** The armed timer's figure; fails, naming what was done, if the count has not changed within 10 s. */
async function awaitRedraw(page, what) {
  const ms = await page.evaluate(() => Promise.race([window.__redraw, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]));
  if (ms === null) throw new Error(`${what}: the "N of M events" count did not change within 10 s`);
  return ms;
}

/** One cold visit of `/`: scripts, first marker, all events in, redraws, heap and DOM size. */
async function visit(browser, origin, { redraws }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(FIRST_MARKER_PROBE);
    const page = await context.newPage();
    const scripts = [];
    page.on("response", (response) => {
      if (response.url().startsWith(origin) && response.request().resourceType() === "script") {
        scripts.push(response.body().then((body) => ({ raw: body.length, gzip: gzipSync(body).length })));
      }
    });
    const offsite = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin) && !/^(data|blob):/.test(request.url())) offsite.push(request.url());
    });
    await page.goto(`${origin}/`, { waitUntil: "load" });
    const firstMarkerMs = await page.waitForFunction(() => window.__firstMarker, null, { timeout: 60_000 }).then((h) => h.jsonValue());
    // Every event is in once the loading notice is empty (a small story has nothing to load).
    await page.waitForFunction(() => !document.querySelector(".events-loading")?.textContent, null, { timeout: 60_000 });
    const allEventsMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState("networkidle");
    const script = (await Promise.all(scripts)).reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), {
      raw: 0,
      gzip: 0,
    });

    const toggles = [];
    const brushes = [];
    if (redraws) {
      const actors = await page.locator("[data-actor]").evaluateAll((els) => els.map((el) => el.getAttribute("data-actor")));
      for (let i = 0; i < REDRAWS; i++) {
        // On, then off again: every second toggle brings the whole story back, the costlier redraw.
        const actor = actors[Math.floor(i / 2) % actors.length];
        await armRedrawTimer(page, "click");
        await page.locator(`[data-actor="${actor}"]`).click();
        toggles.push(await awaitRedraw(page, `toggling the actor "${actor}"`));
      }
      const handle = page.locator(".brush-handle.brush-to");
      await handle.focus();
      for (let i = 0; i < REDRAWS; i++) {
        await armRedrawTimer(page, "keyup");
        // Left then right: the range shrinks by one step and grows back.
        await handle.press(i % 2 === 0 ? "ArrowLeft" : "ArrowRight");
        brushes.push(await awaitRedraw(page, "moving the brush's end"));
      }
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const metric = (name) => metrics.find((m) => m.name === name)?.value;
    if (offsite.length > 0) throw new Error(`requests left localhost: ${offsite.slice(0, 3).join(", ")}`);
    return {
      script,
      firstMarkerMs,
      allEventsMs,
      toggles,
      brushes,
      heapMB: metric("JSHeapUsedSize") / 1e6,
      domNodes: await page.evaluate(() => document.getElementsByTagName("*").length),
      markers: await page.evaluate(() => document.querySelectorAll("[data-place], [data-cluster]").length),
      listRows: await page.evaluate(() => document.querySelectorAll("[data-event]").length),
    };
  } finally {
    // A failure above is the error to report, not a second one from closing what it left behind.
    await context.close().catch(() => {});
  }
}

async function measureSize(size, options, browser) {
  const running = process.env[`DATELINE_SCALE_ORIGIN_${size}`];
  if (running) return measureServer(size, running, options, browser);
  const data = dataDir(size);
  const distDir = `${process.env.DATELINE_SCALE_DIST_PREFIX ?? ".next-scale-"}${size}`;
  const env = { DATELINE_DATA_DIR: data, DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1", DATELINE_DIST_DIR: distDir };
  if (options.build || !existsSync(path.join(ROOT, distDir, "dateline-csp-hashes.json"))) {
    progress(`building ${size} events into ${distDir}`);
    const started = performance.now();
    await nextBuild({
      cwd: ROOT,
      env,
      logFile: path.join(RESULTS, `scale-build-${size}.log`),
      tsconfig: path.join(ROOT, "tsconfig.json"),
      distDir,
      hashPages: true,
    });
    progress(`built ${size} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const basePort = Number(process.env.DATELINE_SCALE_PORT ?? 0);
  const port = basePort > 0 ? basePort + options.sizes.indexOf(size) : await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServer({
    name: `next start (${size} events)`,
    command: "node_modules/.bin/next",
    args: ["start", "-p", String(port), "-H", "127.0.0.1"],
    cwd: ROOT,
    env,
    readyUrl: `${origin}/`,
    logFile: path.join(RESULTS, `scale-server-${size}.log`),
  });
  try {
    return await measureServer(size, origin, options, browser);
  } finally {
    await server.stop();
  }
}

/** The figures for one size, from a server already running at `origin`. */
async function measureServer(size, origin, options, browser) {
  {
    // Warm: the first answer of a fresh server pays for loading its modules.
    await firstByte(`${origin}/`);
    const fetches = [];
    for (let i = 0; i < 5; i++) fetches.push(await firstByte(`${origin}/`));
    const html = fetches[0].body;
    const visits = [];
    for (let run = 0; run < options.runs; run++) {
      progress(`${size} events: page load ${run + 1}/${options.runs}`);
      visits.push(await visit(browser, origin, { redraws: run === 0 }));
    }
    return {
      size,
      htmlBytes: html.length,
      htmlGzip: gzipSync(html).length,
      scriptGzip: visits[0].script.gzip,
      ttfbMs: median(fetches.map((f) => f.ttfb)),
      firstMarkerMs: median(visits.map((v) => v.firstMarkerMs)),
      allEventsMs: median(visits.map((v) => v.allEventsMs)),
      toggleMs: median(visits[0].toggles),
      brushMs: median(visits[0].brushes),
      heapMB: median(visits.map((v) => v.heapMB)),
      domNodes: visits[0].domNodes,
      markers: visits[0].markers,
      listRows: visits[0].listRows,
    };
  }
}

const ROWS = [
  ["HTML of / (bytes)", "htmlBytes", (v) => v.toLocaleString("en-GB")],
  ["HTML of / (gzip)", "htmlGzip", (v) => v.toLocaleString("en-GB")],
  ["scripts of / (gzip)", "scriptGzip", (v) => v.toLocaleString("en-GB")],
  ["time to first byte (ms)", "ttfbMs", (v) => v.toFixed(1)],
  ["first marker (ms)", "firstMarkerMs", (v) => v.toFixed(0)],
  ["all events in (ms)", "allEventsMs", (v) => v.toFixed(0)],
  ["actor toggle redraw, median (ms)", "toggleMs", (v) => v.toFixed(1)],
  ["brush redraw, median (ms)", "brushMs", (v) => v.toFixed(1)],
  ["JS heap (MB)", "heapMB", (v) => v.toFixed(1)],
  ["DOM elements", "domNodes", (v) => String(v)],
  ["markers drawn", "markers", (v) => String(v)],
  ["list rows in the DOM", "listRows", (v) => String(v)],
];

function table(results) {
  const base = results.find((r) => r.size === 13);
  const head = ["", ...results.map((r) => `${r.size.toLocaleString("en-GB")} events`)];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const [label, key, format] of ROWS) {
    const cells = results.map((r) => {
      const value = format(r[key]);
      if (!base || r === base || !(base[key] > 0)) return value;
      return `${value} (${(r[key] / base[key]).toFixed(2)}x)`;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

function verdicts(results) {
  const base = results.find((r) => r.size === 13);
  const largest = results.reduce((a, b) => (b.size > a.size ? b : a));
  const checks = results.flatMap((r) => [
    [`${r.size} events: actor toggle redraw < ${TARGETS.redrawMs} ms`, r.toggleMs < TARGETS.redrawMs],
    [`${r.size} events: brush redraw < ${TARGETS.redrawMs} ms`, r.brushMs < TARGETS.redrawMs],
  ]);
  if (base && largest !== base) {
    checks.push(
      [
        `${largest.size} events: first marker ≤ ${TARGETS.firstMarkerRatio}x the 13-event page's`,
        largest.firstMarkerMs <= TARGETS.firstMarkerRatio * base.firstMarkerMs,
      ],
      [
        `${largest.size} events: HTML of / ≤ ${TARGETS.htmlRatio}x the 13-event page's`,
        largest.htmlBytes <= TARGETS.htmlRatio * base.htmlBytes,
      ],
    );
  }
  return checks;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(RESULTS, { recursive: true });
  const browser = await launchChromium();
  const results = [];
  try {
    for (const size of options.sizes) results.push(await measureSize(size, options, browser));
  } finally {
    await browser.close();
    await stopAllServers();
  }
  const checks = verdicts(results);
  console.log(table(results));
  console.log("");
  for (const [name, ok] of checks) console.log(`${ok ? "ok  " : "MISS"} ${name}`);
  writeFileSync(path.join(RESULTS, "bench-scale.json"), JSON.stringify({ results, checks }, null, 2) + "\n");
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

process.on("SIGINT", () => {
  killAllServersNow();
  process.exit(130);
});
main().catch((error) => {
  killAllServersNow();
  console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : error);
  process.exit(1);
});
