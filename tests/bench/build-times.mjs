// Build time against the number of events (issues 9 and 11): builds the site, as `npm run build`
// does (validate, next build, hash the pages), from three data folders and prints the wall time,
// the largest process's peak memory, the phases Next.js reports and the output's size, each as a
// ratio to the 13-event build:
//   - geo/data, the shipped story's 13 events;
//   - .fixtures/data-1000 and .fixtures/data-10000: generated ACLED-style rows imported into that
//     story's context layer (`npm run generate:fixture`), made here when missing (same seed, same data).
// Each build is cold (its dist dir is deleted first). The figures also go to test-results/bench-build.json.
//
//   npm run bench:build                          all three sizes
//   npm run bench:build -- --events 13,1000      some of them
//   npm run bench:build -- --fresh               remake the generated data folders first
//   DATELINE_DIST_DIR=.next-mine npm run bench:build    dist dirs are <that>-13, <that>-1000, ...
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WORK = join(ROOT, "test-results/bench-build");
const REPORT = join(ROOT, "test-results/bench-build.json");
const DIST_PREFIX = process.env.DATELINE_DIST_DIR?.trim() || ".next-bench-build";
const TIME = "/usr/bin/time";
const SIZES = [13, 1000, 10000];
const SEED = 42;

const START = Date.now();
const progress = (message) => process.stderr.write(`[bench:build +${Math.round((Date.now() - START) / 1000)}s] ${message}\n`);

function options() {
  const { values } = parseArgs({ options: { events: { type: "string" }, fresh: { type: "boolean", default: false } } });
  const events = values.events ? values.events.split(",").map(Number) : SIZES;
  const unknown = events.filter((n) => !SIZES.includes(n));
  if (unknown.length > 0) throw new Error(`--events: ${unknown.join(", ")} is not one of ${SIZES.join(", ")}`);
  return { events, fresh: values.fresh };
}

/** The data folder for a size: the shipped one for 13 events, a generated one otherwise. */
function dataDir(events) {
  return events === 13 ? "geo/data" : `.fixtures/data-${events}`;
}

/**
 * Runs a command with its output in `log`, under /usr/bin/time where there is one, so that the
 * peak memory of the largest process it ran is known. Resolves to { code, seconds, maxRssKb }.
 */
function run(command, args, env, log) {
  const timed = existsSync(TIME);
  const rssFile = `${log}.rss`;
  const [cmd, argv] = timed ? [TIME, ["-f", "%M", "-o", rssFile, command, ...args]] : [command, args];
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const out = [];
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => out.push(chunk));
    child.on("exit", (code, signal) => {
      writeFileSync(log, Buffer.concat(out));
      const maxRssKb = timed && existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : NaN;
      resolvePromise({ code: code ?? signal, seconds: (performance.now() - started) / 1000, maxRssKb });
    });
  });
}

function bytesUnder(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(file) : statSync(file).size;
  }
  return total;
}

/** The files a build prerendered (HTML, RSC payloads, images), by walking server/app. */
function prerendered(distDir) {
  const app = join(ROOT, distDir, "server", "app");
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(html|rsc|body|png|svg)$/.test(entry.name)) files.push(file);
    }
  };
  if (existsSync(app)) walk(app);
  return files;
}

/** The phases `next build` prints with their times: compile, TypeScript, static pages. */
function phases(log) {
  const text = readFileSync(log, "utf8");
  const seconds = (pattern) => {
    const match = pattern.exec(text);
    if (!match) return undefined;
    return match[2] === "ms" ? Number(match[1]) / 1000 : Number(match[1]);
  };
  return {
    compile: seconds(/Compiled successfully in ([\d.]+)(m?s)/),
    typescript: seconds(/Finished TypeScript in ([\d.]+)(m?s)/),
    staticPages: seconds(/Generating static pages[^\n]*in ([\d.]+)(m?s)/),
  };
}

async function ensureFixture(events, fresh) {
  const dir = dataDir(events);
  if (events === 13 || (!fresh && existsSync(join(ROOT, dir, "places.geojson")))) return;
  progress(`generating ${dir} (${events} events, seed ${SEED})`);
  const result = await run(
    "npm",
    ["run", "generate:fixture", "--", "--events", String(events), "--seed", String(SEED), "--out", dir],
    {},
    join(WORK, `generate-${events}.log`),
  );
  if (result.code !== 0) throw new Error(`npm run generate:fixture failed (${result.code}); see ${join(WORK, `generate-${events}.log`)}`);
}

/** One cold build, as `npm run build` does it, timed step by step. */
async function build(events) {
  const distDir = `${DIST_PREFIX}-${events}`;
  const env = { DATELINE_DATA_DIR: dataDir(events), DATELINE_DIST_DIR: distDir, DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1" };
  rmSync(join(ROOT, distDir), { recursive: true, force: true });
  const tsconfig = join(ROOT, "tsconfig.json");
  const tsconfigBefore = readFileSync(tsconfig, "utf8");
  const steps = [
    ["validate", "node_modules/.bin/tsx", ["geo/cli/validate.ts"]],
    ["next build", "node_modules/.bin/next", ["build"]],
    ["hash pages", "node_modules/.bin/tsx", ["app/_server/cli/hash-pages.ts"]],
  ];
  const figures = { events, dataDir: dataDir(events), distDir, steps: {} };
  try {
    for (const [name, command, args] of steps) {
      const log = join(WORK, `${events}-${name.replace(" ", "-")}.log`);
      progress(`${events} events: ${name} (log: ${log})`);
      const result = await run(command, args, env, log);
      if (result.code !== 0) throw new Error(`${name} for ${events} events failed (${result.code}); see ${log}`);
      figures.steps[name] = { seconds: result.seconds, maxRssMb: result.maxRssKb / 1024 };
      if (name === "next build") figures.phases = phases(log);
    }
  } finally {
    // next build adds its dist dir's type folders to tsconfig.json: put the file back as it was.
    if (readFileSync(tsconfig, "utf8") !== tsconfigBefore) writeFileSync(tsconfig, tsconfigBefore);
  }
  const stepList = Object.values(figures.steps);
  figures.seconds = stepList.reduce((sum, s) => sum + s.seconds, 0);
  figures.maxRssMb = Math.max(...stepList.map((s) => s.maxRssMb));
  const files = prerendered(distDir);
  figures.outputMb =
    (bytesUnder(join(ROOT, distDir)) - (existsSync(join(ROOT, distDir, "cache")) ? bytesUnder(join(ROOT, distDir, "cache")) : 0)) / 1e6;
  figures.prerenderedFiles = files.length;
  figures.prerenderedMb = files.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6;
  const home = join(ROOT, distDir, "server", "app", "index.html");
  figures.homeHtmlMb = existsSync(home) ? statSync(home).size / 1e6 : NaN;
  return figures;
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const ratio = (n, base) => (Number.isFinite(n) && Number.isFinite(base) && base > 0 ? `${(n / base).toFixed(2)}x` : "–");

function table(results) {
  const base = results.find((r) => r.events === 13);
  const rows = [
    ["build, total (s)", (r) => r.seconds],
    ["  next build: compile (s)", (r) => r.phases?.compile],
    ["  next build: TypeScript (s)", (r) => r.phases?.typescript],
    ["  next build: static pages (s)", (r) => r.phases?.staticPages],
    ["  validate (s)", (r) => r.steps.validate?.seconds],
    ["  hash pages (s)", (r) => r.steps["hash pages"]?.seconds],
    ["peak memory, one process (MB)", (r) => r.maxRssMb, 0],
    ["output, without the cache (MB)", (r) => r.outputMb],
    ["prerendered files", (r) => r.prerenderedFiles, 0],
    ["prerendered bytes (MB)", (r) => r.prerenderedMb],
    ["HTML of / (MB)", (r) => r.homeHtmlMb, 2],
  ];
  const header = ["", ...results.map((r) => `${r.events} events`), ...results.filter((r) => r !== base).map((r) => `${r.events} / 13`)];
  const lines = rows.map(([label, get, digits = 1]) => [
    label,
    ...results.map((r) => fmt(get(r), digits)),
    ...results.filter((r) => r !== base).map((r) => (base ? ratio(get(r), get(base)) : "–")),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...lines].map((line) => String(line[i]).length)));
  const show = (line) => line.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  ");
  return [show(header), ...lines.map(show)].join("\n");
}

async function main() {
  const { events, fresh } = options();
  mkdirSync(WORK, { recursive: true });
  for (const n of events) await ensureFixture(n, fresh);
  // Sizes not rebuilt this time keep their figures from the last report, dated, so that a run of
  // one size (--events 10000) still prints the table with the others.
  const earlier = existsSync(REPORT) ? (JSON.parse(readFileSync(REPORT, "utf8")).results ?? []) : [];
  const results = earlier.filter((r) => !events.includes(r.events));
  for (const n of events) results.push({ ...(await build(n)), date: new Date().toISOString() });
  results.sort((a, b) => a.events - b.events);
  const command = `${process.env.DATELINE_DIST_DIR ? `DATELINE_DIST_DIR=${process.env.DATELINE_DIST_DIR} ` : ""}npm run bench:build${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(`Build times by number of events: ${command}`);
  console.log(
    `${os.cpus().length} CPU(s), load average ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ")}, Node ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(table(results));
  for (const r of results.filter((r) => !events.includes(r.events))) console.log(`(${r.events} events: from an earlier run, ${r.date})`);
  writeFileSync(REPORT, `${JSON.stringify({ command, date: new Date().toISOString(), results }, null, 2)}\n`);
  console.log(`(figures in ${REPORT}; dist dirs ${results.map((r) => r.distDir).join(", ")})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
