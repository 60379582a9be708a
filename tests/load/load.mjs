// Load test (issue 5): autocannon against the production server on loopback, a fixed number of
// requests per route, 10 connections: /api/events rotating through mixed filters, then `/` (a
// prerendered page), then a build asset of about `/`'s size from the same server, and `/` as a
// ratio of that static file's requests/s (issue 9's goal: 0.8x or better). Then the same
// /api/events paths from a bare node:http server returning the same bytes (tests/load/bare-server.mjs),
// and /api/events as a ratio of it (issue 11's goal: 0.5x or better). Prints requests/s and
// p50/p99 latency per route; fails on any error, timeout or non-2xx answer.
//
//   npm run loadtest          starts `next start` on a free port itself (the build must exist)
//   DATELINE_LOAD_URL=http://localhost:3000 node tests/load/load.mjs    uses a running server
// DATELINE_LOAD_REPORT names a JSON file for the figures (tests/run-all.sh counts it as one test).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import os from "node:os";
import autocannon from "autocannon";

const CONNECTIONS = 10;
const API_QUERIES = [
  "",
  "actors=iran",
  "actors=usa,rebels",
  "from=2020-01-07&to=2020-01-08",
  "place=damascus",
  "actors=russia&from=2017-01-01",
  "place=erbil&actors=iran&from=2020-01-08&to=2020-01-08",
  "format=csv",
  "format=csv&actors=syria&to=2019-12-31",
];
const DIST_DIR = process.env.DATELINE_DIST_DIR?.trim() || ".next";

/** The build's JavaScript file closest in size to `/`'s HTML: a static file to compare `/` with. */
function staticFileLike(bytes) {
  const dir = path.join(DIST_DIR, "static", "chunks");
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const size = (f) => statSync(path.join(dir, f)).size;
  const best = files.reduce((a, b) => (Math.abs(size(b) - bytes) < Math.abs(size(a) - bytes) ? b : a));
  return { path: `/_next/static/chunks/${best}`, bytes: size(best) };
}

const ROUTES = [
  {
    name: "/api/events",
    amount: Number(process.env.DATELINE_LOAD_API ?? 2000),
    paths: API_QUERIES.map((q) => `/api/events${q ? `?${q}` : ""}`),
  },
  { name: "/", amount: Number(process.env.DATELINE_LOAD_PAGE ?? 500), paths: ["/"] },
];

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) throw new Error(`no production build in ${DIST_DIR}: run \`npm run build\` first`);
  const port = await freePort();
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true, // its own process group, so that stopping it stops everything it started
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${url}/api/places`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop: () => process.kill(-child.pid, "SIGTERM") };
    await new Promise((r) => setTimeout(r, 500));
  }
  process.kill(-child.pid, "SIGTERM");
  throw new Error(`next start on port ${port} did not answer within 60 s`);
}

/**
 * Fetches each /api/events path's answer from Dateline and starts tests/load/bare-server.mjs
 * serving exactly those bytes, in its own process, as the baseline for /api/events.
 */
async function startBareApi(url, paths) {
  const dir = path.join("test-results", "load-bare");
  mkdirSync(dir, { recursive: true });
  const manifest = {};
  for (const [i, p] of paths.entries()) {
    const response = await fetch(`${url}${p}`);
    const file = path.join(dir, `answer-${i}`);
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const headers = {};
    for (const name of ["content-type", "content-disposition", "etag", "cache-control"]) {
      const value = response.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    manifest[p] = { headers, file };
  }
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest));
  const port = await freePort();
  const child = spawn(process.execPath, ["tests/load/bare-server.mjs", String(port), path.join(dir, "manifest.json")], {
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  await new Promise((resolve, reject) => {
    child.stdout.once("data", resolve);
    child.once("exit", (code) => reject(new Error(`tests/load/bare-server.mjs exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => process.kill(-child.pid, "SIGTERM") };
}

const server = process.env.DATELINE_LOAD_URL ? { url: process.env.DATELINE_LOAD_URL.replace(/\/$/, ""), stop() {} } : await startServer();
let failed = false;
const figures = [];
const stops = [];
try {
  console.log(`Load test against ${server.url} on ${os.cpus().length} CPU(s), Node ${process.version}, ${new Date().toISOString()}`);
  const home = (await (await fetch(`${server.url}/`)).arrayBuffer()).byteLength;
  const asset = process.env.DATELINE_LOAD_STATIC ? { path: process.env.DATELINE_LOAD_STATIC, bytes: NaN } : staticFileLike(home);
  ROUTES.push({ name: "static file", amount: ROUTES[1].amount, paths: [asset.path] });
  console.log(`/ is ${home} bytes; the static file ${asset.path} is ${asset.bytes} bytes`);
  const bare = await startBareApi(server.url, ROUTES[0].paths);
  stops.push(bare.stop);
  ROUTES.push({ name: "bare API", amount: ROUTES[0].amount, paths: ROUTES[0].paths, url: bare.url });
  for (const route of ROUTES) {
    const url = route.url ?? server.url;
    const requests = route.paths.map((path) => ({ method: "GET", path }));
    // Warm up each route alike with a fifth of its requests (first renders fill caches, and the
    // server's code for that route gets optimised), so that the order of the routes does not
    // decide the ratios; then measure.
    await autocannon({ url, connections: CONNECTIONS, amount: Math.max(50, Math.round(route.amount / 5)), requests });
    const result = await autocannon({ url, connections: CONNECTIONS, amount: route.amount, requests });
    const total = result["2xx"] + result.non2xx;
    const rps = (total / result.duration).toFixed(0);
    const bad = result.errors + result.timeouts + result.non2xx;
    console.log(
      `${route.name.padEnd(12)} ${String(total).padStart(5)} requests (${route.paths.length} URL${route.paths.length > 1 ? "s" : ""}), ` +
        `${rps} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        `${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
    if (bad > 0) console.log(`  status codes: ${JSON.stringify(result.statusCodeStats ?? {})}`);
    figures.push({ route: route.name, requests: total, rps: Number(rps), p50: result.latency.p50, p99: result.latency.p99, bad });
    if (bad > 0 || total < route.amount) failed = true;
  }
  const [page, file] = ["/", "static file"].map((name) => figures.find((f) => f.route === name));
  if (page && file) console.log(`/ vs static file: ${(page.rps / file.rps).toFixed(2)}x the static file's requests/s (goal 0.8x)`);
  const [api, bareApi] = ["/api/events", "bare API"].map((name) => figures.find((f) => f.route === name));
  if (api && bareApi) {
    console.log(
      `/api/events vs a bare node:http server returning the same bytes: ${(api.rps / bareApi.rps).toFixed(2)}x its requests/s (goal 0.5x)`,
    );
  }
} finally {
  for (const stop of stops) stop();
  server.stop();
}
if (process.env.DATELINE_LOAD_REPORT) writeFileSync(process.env.DATELINE_LOAD_REPORT, `${JSON.stringify({ failed, figures }, null, 2)}\n`);
if (failed) console.log("FAILED: errors, timeouts, non-2xx answers or missing requests");
process.exit(failed ? 1 : 0);
