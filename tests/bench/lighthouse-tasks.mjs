// What Lighthouse itself saw on a page's main thread: one run of its mobile profile, then, from the
// trace it recorded (not a second load), each task of 8 ms or more, unthrottled, with the longest
// events inside it. Lighthouse's simulated Total Blocking Time is these tasks at 4x, so this is
// where a page's TBT comes from; profile.mjs says which scripts, this says which of the browser's
// own steps (committing the navigation, parsing, style and layout, an image's decoding).
// Usage: node tests/bench/lighthouse-tasks.mjs http://localhost:PORT/ [--runs N]
import { lighthouseReport } from "./measure.mjs";

const url = process.argv[2] && new URL(process.argv[2]).href; // as the trace writes it: `/` for a bare host
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 1;
if (!url || !(runs >= 1)) throw new Error("usage: node tests/bench/lighthouse-tasks.mjs <url> [--runs N]");

const TASK_MS = 8;
const INNER_MS = 1;

for (let run = 1; run <= runs; run++) {
  const { lhr, artifacts } = await lighthouseReport(url);
  const audits = lhr.audits;
  const ms = (id) => Math.round(audits[id]?.numericValue ?? NaN);
  console.log(
    `run ${run}: score ${Math.round(lhr.categories.performance.score * 100)}, TBT ${ms("total-blocking-time")} ms, ` +
      `FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms (simulated)`,
  );
  const events = artifacts.Trace.traceEvents;
  // The page's main thread: where its document's navigation started.
  const navigation = events.find(
    (e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL === url,
  );
  if (!navigation) throw new Error(`no navigation to ${url} in Lighthouse's trace`);
  const thread = events.filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === "X");
  for (const task of thread.filter((e) => e.name === "RunTask" && e.dur >= TASK_MS * 1000)) {
    const longest = new Map();
    for (const e of thread) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || e.dur < INNER_MS * 1000) continue;
      longest.set(e.name, Math.max(longest.get(e.name) ?? 0, e.dur));
    }
    const inside = [...longest]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, dur]) => `${name} ${(dur / 1000).toFixed(1)}`)
      .join(", ");
    console.log(`  at ${((task.ts - navigation.ts) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(1)} ms: ${inside}`);
  }
}
