// Speed, measured against baselines in the same run (issue 8).
//
// Measures Dateline's production server (`next start`, DATELINE_TILES=off) on `/` and on a share
// page, /events/iran-missiles-iraq-bases, beside two baselines that it prepares and serves itself:
//   - a bare Next.js page of the same Next.js version (test-results/bench/bare-next, `next start`);
//   - a bare static Leaflet page drawing the same places as markers with data-place
//     (test-results/bench/bare-leaflet, served by tests/bench/static-server.mjs).
// For each page, over N runs (median, min and max):
//   - JavaScript shipped: gzip bytes of the script files loaded from the page's own origin, once
//     the network is idle (as tests/budget/js-size.mjs counts them; inline scripts such as the
//     React Server Components payload are not counted), in Chromium via playwright-core: at load,
//     once the app has started (`/` starts it on the reader's first key or touch; a key is
//     pressed), and with the map in use (the pointer over it);
//   - time to first marker: navigation start to the first [data-place] element in the DOM, from a
//     MutationObserver that runs before the page's scripts; unthrottled, 1280x800, cold cache;
//   - Lighthouse 12's mobile performance score, Total Blocking Time and Largest Contentful Paint
//     (default mobile form factor, simulated throttling), for the bare Next.js page and Dateline.
// Then each figure as a ratio to its baseline, beside issue 8's targets: mobile performance ≥ 95,
// TBT ≤ 1.25x the bare Next.js page, first marker ≤ 2x the bare Leaflet page, JS of / once its app
// has started ≤ 1.1x the ~175 KiB framework floor. It prints the figures and never fails on them: it exits non-zero only
// when it could not measure. The figures are also written to test-results/bench.json.
// Debian's Chromium (tests/chromium.json; CHROME_PATH overrides it); no request leaves localhost.
//
//   npm run bench                          builds into $DATELINE_DIST_DIR (default .next) if no build is there
//   npm run bench -- --runs 7 --build      more runs; rebuild the project and the bare Next.js app first
//   DATELINE_DIST_DIR=.next-bench npm run bench     bench the build in another folder
//   DATELINE_BENCH_PORT=4305 npm run bench          serve on 4305-4307 instead of free ports the system picks
// Most of a run is Lighthouse's 3 x N runs. Seen here with 5 runs on 2 shared cores at load
// average 5-11: about 7 minutes of measuring, plus 2 minutes when it builds the project and the
// bare Next.js app. Servers, logs and the baselines' files are in test-results/bench/.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { prepareBareNext, readNextVersion, writeBareLeaflet } from "./baselines.mjs";
import { CHROMIUM_PATH, killLighthouseChrome, launchChromium, lighthouseRun, visit } from "./measure.mjs";
import { compare, formatReport, FRAMEWORK_KIB, summarise, TARGETS } from "./report.mjs";
import { freePort, killAllServersNow, nextBuild, startServer, stopAllServers } from "./servers.mjs";

const USAGE = `usage: npm run bench -- [--runs N] [--build]
  --runs N   runs per page and figure, the median is reported (default 5)
  --build    rebuild the project (into $DATELINE_DIST_DIR, default .next) and the bare Next.js app first`;
const SHARE_PATH = "/events/iran-missiles-iraq-bases";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = join(ROOT, "test-results/bench");
const REPORT = join(ROOT, "test-results/bench.json");
const DIST_DIR = process.env.DATELINE_DIST_DIR ?? ".next";
const APP_ENV = { DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1", DATELINE_DIST_DIR: DIST_DIR };

const START = Date.now();
const progress = (message) => process.stderr.write(`[bench +${Math.round((Date.now() - START) / 1000)}s] ${message}\n`);

function parseOptions() {
  const options = { runs: { type: "string", default: "5" }, build: { type: "boolean", default: false }, help: { type: "boolean" } };
  let values;
  try {
    ({ values } = parseArgs({ options }));
  } catch (error) {
    throw new Error(`${error.message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not "${values.runs}"\n${USAGE}`);
  return { runs, build: values.build };
}

/** The command line as it was typed, near enough to paste again. */
function commandLine() {
  const args = process.argv.slice(2);
  const env = process.env.DATELINE_DIST_DIR ? `DATELINE_DIST_DIR=${process.env.DATELINE_DIST_DIR} ` : "";
  const viaNpm = process.env.npm_lifecycle_event === "bench";
  return `${env}${viaNpm ? "npm run bench" : "node tests/bench/bench.mjs"}${args.length ? `${viaNpm ? " --" : ""} ${args.join(" ")}` : ""}`;
}

function gitState() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: ROOT, encoding: "utf8" }).trim();
    return `${commit}${dirty ? " with uncommitted changes" : ""}`;
  } catch {
    return "unknown";
  }
}

const version = (name) => JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;

async function prepare(options) {
  const buildId = join(ROOT, DIST_DIR, "BUILD_ID");
  if (options.build || !existsSync(buildId)) {
    progress(`building the project into ${DIST_DIR} (log: test-results/bench/project-build.log)`);
    await nextBuild({
      cwd: ROOT,
      env: APP_ENV,
      logFile: join(WORK, "project-build.log"),
      tsconfig: join(ROOT, "tsconfig.json"),
      distDir: DIST_DIR,
      hashPages: true,
    });
  } else {
    progress(`using the existing build in ${DIST_DIR} (--build to rebuild)`);
  }
  const built = await prepareBareNext({
    root: ROOT,
    dir: join(WORK, "bare-next"),
    rebuild: options.build,
    logFile: join(WORK, "bare-next-build.log"),
  });
  progress(built ? "built the bare Next.js app" : "using the bare Next.js app's existing build");
  return { buildTime: statSync(buildId).mtime, buildId: readFileSync(buildId, "utf8").trim() };
}

async function startServers() {
  // DATELINE_BENCH_PORT=N serves on N, N+1 and N+2 (on a machine whose ports are shared out);
  // otherwise on ports the system says are free.
  const basePort = Number(process.env.DATELINE_BENCH_PORT ?? 0);
  const [appPort, barePort, staticPort] =
    basePort > 0 ? [basePort, basePort + 1, basePort + 2] : [await freePort(), await freePort(), await freePort()];
  const next = (name, port, cwd, readyPath, env) =>
    startServer({
      name,
      command: "node_modules/.bin/next",
      args: ["start", "-p", String(port), "-H", "127.0.0.1"],
      cwd,
      env,
      readyUrl: `http://127.0.0.1:${port}${readyPath}`,
      logFile: join(WORK, `${name.replaceAll(" ", "-")}.log`),
    });
  await Promise.all([
    next("dateline", appPort, ROOT, "/api/places", APP_ENV),
    next("bare-next", barePort, join(WORK, "bare-next"), "/", { NEXT_TELEMETRY_DISABLED: "1" }),
  ]);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const places = await fetch(`${appUrl}/api/places`).then((r) => r.json());
  writeBareLeaflet({ root: ROOT, dir: join(WORK, "bare-leaflet"), places });
  await startServer({
    name: "bare-leaflet",
    command: process.execPath,
    args: [join(ROOT, "tests/bench/static-server.mjs"), join(WORK, "bare-leaflet"), String(staticPort)],
    cwd: ROOT,
    readyUrl: `http://127.0.0.1:${staticPort}/`,
    logFile: join(WORK, "bare-leaflet.log"),
  });
  const share = await fetch(appUrl + SHARE_PATH);
  if (!share.ok) throw new Error(`${SHARE_PATH} answered ${share.status}: is the event still in the data?`);
  return [
    { key: "bareNext", label: "bare Next.js page", url: `http://127.0.0.1:${barePort}/`, marker: false, lighthouse: true },
    { key: "bareLeaflet", label: "bare Leaflet page", url: `http://127.0.0.1:${staticPort}/`, marker: true, lighthouse: false },
    { key: "home", label: "/", url: `${appUrl}/`, marker: true, lighthouse: true },
    { key: "share", label: SHARE_PATH, url: appUrl + SHARE_PATH, marker: true, lighthouse: true },
  ].map((page) => ({ ...page, visits: [], lighthouse: page.lighthouse ? [] : null }));
}

/** Runs `measure` once more if it fails: the machine is shared, a run can time out. */
async function withRetry(what, measure) {
  try {
    return await measure();
  } catch (error) {
    progress(`${what} failed, trying once more: ${error.message.split("\n")[0]}`);
    return measure();
  }
}

// Runs go round the pages in turn, starting each round at the next page, so that a busy moment
// on the shared machine falls on every page alike rather than on one page's runs.
const rotated = (pages, round) => pages.map((_, i) => pages[(i + round) % pages.length]);

async function measureInChromium(pages, runs) {
  const browser = await launchChromium();
  try {
    for (const page of pages) await visit(browser, page.url, { marker: page.marker }); // warm-up, not counted
    for (let round = 0; round < runs; round++) {
      for (const page of rotated(pages, round)) {
        const result = await withRetry(`${page.label} visit`, () => visit(browser, page.url, { marker: page.marker }));
        page.visits.push(result);
      }
      const markers = pages.filter((p) => p.marker).map((p) => `${p.label} ${p.visits.at(-1).firstMarkerMs.toFixed(0)} ms`);
      progress(`chromium round ${round + 1}/${runs}: first marker on ${markers.join(", ")}`);
    }
    return browser.version();
  } finally {
    await browser.close();
  }
}

async function measureWithLighthouse(pages, runs) {
  const audited = pages.filter((p) => p.lighthouse);
  let done = 0;
  for (let round = 0; round < runs; round++) {
    for (const page of rotated(audited, round)) {
      const result = await withRetry(`Lighthouse on ${page.label}`, () => lighthouseRun(page.url));
      page.lighthouse.push(result);
      progress(
        `lighthouse ${++done}/${runs * audited.length}: ${page.label} score ${result.score.toFixed(0)}, ` +
          `TBT ${result.tbtMs.toFixed(0)} ms, LCP ${result.lcpMs.toFixed(0)} ms`,
      );
    }
  }
}

async function main() {
  const options = parseOptions();
  const started = new Date(START);
  mkdirSync(WORK, { recursive: true });
  const loadAtStart = os.loadavg()[0];
  const build = await prepare(options);
  const pages = await startServers();
  progress(`servers up: ${pages.map((p) => `${p.label} ${p.url}`).join(", ")}`);
  const chromiumVersion = await measureInChromium(pages, options.runs);
  await measureWithLighthouse(pages, options.runs);
  await stopAllServers();

  for (const page of pages) {
    const lh = page.lighthouse ?? [];
    page.summary = {
      jsKib: summarise(page.visits.map((v) => v.jsKib)),
      jsFiles: summarise(page.visits.map((v) => v.jsFiles)),
      jsAppKib: summarise(page.visits.map((v) => v.jsAppKib)),
      jsWithMapKib: summarise(page.visits.map((v) => v.jsWithMapKib)),
      firstMarkerMs: page.marker ? summarise(page.visits.map((v) => v.firstMarkerMs)) : null,
      score: page.lighthouse ? summarise(lh.map((r) => r.score)) : null,
      tbtMs: page.lighthouse ? summarise(lh.map((r) => r.tbtMs)) : null,
      lcpMs: page.lighthouse ? summarise(lh.map((r) => r.lcpMs)) : null,
    };
  }
  const byKey = Object.fromEntries(pages.map((p) => [p.key, p]));
  const comparisons = Object.fromEntries(
    ["home", "share"].map((key) => [key, compare(byKey[key].summary, byKey.bareNext.summary, byKey.bareLeaflet.summary)]),
  );
  const offsite = [
    ...new Set(pages.flatMap((p) => [...p.visits.flatMap((v) => v.offsite), ...(p.lighthouse ?? []).flatMap((r) => r.offsite)])),
  ];
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);

  const header = {
    date: `${started.toISOString().replace("T", " ").slice(0, 16)} UTC`,
    lines: [
      ["command", commandLine()],
      [
        "build",
        `${DIST_DIR} (BUILD_ID ${build.buildId}, built ${build.buildTime.toISOString().replace("T", " ").slice(0, 16)} UTC), commit ${gitState()}`,
      ],
      ["versions", `Next.js ${readNextVersion(ROOT)}, React ${version("react")}, Leaflet ${version("leaflet")}, Node ${process.version}`],
      ["browser", `Chromium ${chromiumVersion} (${CHROMIUM_PATH}), Lighthouse ${version("lighthouse")}: mobile, simulated throttling`],
      ["visits", "first marker and JS: fresh context each run, 1280x800, no throttling, server warmed up"],
      [
        "machine",
        `${os.cpus().length} CPUs, load average ${loadAtStart.toFixed(2)} at start and ${os.loadavg()[0].toFixed(2)} at end; run took ${seconds} s`,
      ],
      [
        "offsite",
        offsite.length ? `REQUESTS THAT TRIED TO LEAVE LOCALHOST (blocked): ${offsite.join(", ")}` : "no request tried to leave localhost",
      ],
    ],
  };
  console.log(formatReport({ header, pages, comparisons, runs: options.runs }));

  writeFileSync(
    REPORT,
    JSON.stringify(
      {
        date: started.toISOString(),
        command: commandLine(),
        seconds,
        runs: options.runs,
        build: { distDir: DIST_DIR, buildId: build.buildId, builtAt: build.buildTime.toISOString(), commit: gitState() },
        versions: {
          next: readNextVersion(ROOT),
          react: version("react"),
          leaflet: version("leaflet"),
          lighthouse: version("lighthouse"),
          chromium: chromiumVersion,
          node: process.version,
        },
        machine: { cpus: os.cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg()[0] },
        frameworkFloorKib: FRAMEWORK_KIB,
        targets: TARGETS,
        offsiteRequests: offsite,
        pages: pages.map(({ key, label, url, summary, visits, lighthouse }) => ({
          key,
          label,
          path: new URL(url).pathname,
          summary,
          visits,
          lighthouse,
        })),
        comparisons,
      },
      null,
      2,
    ) + "\n",
  );
  progress(`figures written to ${REPORT.slice(ROOT.length + 1)}`);
}

// Whatever happens, the servers and browsers started here stop with the bench.
process.on("exit", () => {
  killLighthouseChrome();
  killAllServersNow();
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    progress(`${signal}: stopping the servers`);
    killLighthouseChrome();
    await stopAllServers();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

try {
  await main();
} catch (error) {
  // The bench's own errors say what failed; a stack only helps with a bug in the bench itself.
  console.error(
    `[bench] could not measure: ${error instanceof Error && error.constructor !== Error ? error.stack : (error.message ?? error)}`,
  );
  killLighthouseChrome();
  await stopAllServers();
  process.exitCode = 1;
}
