// Lighthouse on two servers in turn: is a change faster? (issue 8)
//
// The bench (bench.mjs) compares one build with fixed baselines, and this machine's runs vary by a
// third from one minute to the next. To compare two builds of Dateline, this runs Lighthouse's
// mobile profile on each URL in turn, A then B, N times, so that both see the same noise, and
// prints the medians and ranges of Total Blocking Time, the score, LCP and TTI for each, and B's
// ratio to A. Start the two servers first (`DATELINE_TILES=off DATELINE_DIST_DIR=.next-a npx next
// start -p 3601`, and the same for B). It never fails on the figures.
//
//   npm run bench:ab -- http://localhost:3601/ http://localhost:3602/ [--runs 6]
import { parseArgs } from "node:util";
import { killLighthouseChrome, lighthouseRun } from "./measure.mjs";
import { summarise } from "./report.mjs";

const USAGE = "usage: npm run bench:ab -- <url A> <url B> [--runs N]   (N runs of each, in turn; default 6)";

function parseOptions() {
  const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "6" } }, allowPositionals: true });
  const runs = Number(values.runs);
  if (positionals.length !== 2) throw new Error(`give two URLs, not ${positionals.length}\n${USAGE}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not "${values.runs}"\n${USAGE}`);
  for (const url of positionals) if (!URL.canParse(url)) throw new Error(`not a URL: "${url}"\n${USAGE}`);
  return { urls: positionals, runs };
}

const FIGURES = [
  ["tbtMs", "TBT, ms"],
  ["score", "score"],
  ["lcpMs", "LCP, ms"],
  ["ttiMs", "TTI, ms"],
];

const format = (n) => Math.round(n).toLocaleString("en-GB");

async function main() {
  const { urls, runs } = parseOptions();
  const results = urls.map(() => []);
  for (let run = 1; run <= runs; run++) {
    for (const [i, url] of urls.entries()) {
      const result = await lighthouseRun(url);
      results[i].push(result);
      process.stderr.write(`[ab] run ${run}/${runs} ${"AB"[i]} ${url}: TBT ${format(result.tbtMs)} ms, score ${result.score}\n`);
    }
  }
  console.log(`Lighthouse mobile (simulated throttling), ${runs} runs each, A and B in turn: median (min-max)`);
  urls.forEach((url, i) => console.log(`  ${"AB"[i]}  ${url}`));
  const summaries = results.map((list) => Object.fromEntries(FIGURES.map(([key]) => [key, summarise(list.map((r) => r[key]))])));
  for (const [key, label] of FIGURES) {
    const [a, b] = summaries.map((s) => s[key]);
    const cell = (s) => `${format(s.median)} (${format(s.min)}-${format(s.max)})`.padEnd(24);
    console.log(`  ${label.padEnd(8)} A ${cell(a)} B ${cell(b)} B/A ${(b.median / a.median).toFixed(2)}`);
  }
}

main().catch((error) => {
  killLighthouseChrome();
  console.error(`bench:ab: ${error.message}`);
  process.exit(1);
});
