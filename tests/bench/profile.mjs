// Profiles one page load under Lighthouse's mobile CPU slowdown (4x) and prints where the main
// thread's time went: the long tasks, and self time by source function (through the build's
// source maps when it has them: build with DATELINE_SOURCE_MAPS=on).
// Usage: node tests/bench/profile.mjs http://localhost:PORT/ [--throttle 4] [--functions]
// (--functions names the functions in each busy stretch, not only their files; --inclusive also
// prints, per stretch, the time under each source file: what a module costs with all it calls.)
import { readFileSync } from "node:fs";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { chromium } from "playwright-core";

const options = JSON.parse(readFileSync(new URL("../chromium.json", import.meta.url), "utf8"));
const url = process.argv[2];
const throttleAt = process.argv.indexOf("--throttle");
const throttle = throttleAt > 0 ? Number(process.argv[throttleAt + 1]) : 4;
if (!url) throw new Error("usage: node tests/bench/profile.mjs <url> [--throttle N]");

const browser = await chromium.launch({
  executablePath: options.executablePath,
  args: [...options.args, "--proxy-server=http://127.0.0.1:9"],
});
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  }).observe({ type: "longtask", buffered: true });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
await cdp.send("Profiler.start");
await page.goto(url, { waitUntil: "networkidle" });
await page.waitForTimeout(3000);
const { profile } = await cdp.send("Profiler.stop");
const longTasks = await page.evaluate(() => window.__longTasks);
await browser.close();

const maps = new Map();
async function mapFor(scriptUrl) {
  if (!maps.has(scriptUrl)) {
    maps.set(
      scriptUrl,
      fetch(scriptUrl)
        .then((r) => r.text())
        .then((text) => /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1])
        .then((name) => (name ? fetch(new URL(name, scriptUrl)) : null))
        .then((r) => (r?.ok ? r.json() : null))
        .then((json) => (json ? new TraceMap(json) : null))
        .catch(() => null),
    );
  }
  return maps.get(scriptUrl);
}

const selfTime = new Map();
const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], dt.get(profile.samples[i]) + (profile.timeDeltas[i] ?? 0));
for (const node of profile.nodes) {
  const us = dt.get(node.id);
  if (!us) continue;
  const { url: scriptUrl, functionName, lineNumber, columnNumber } = node.callFrame;
  let name = `${functionName || "(anonymous)"} ${scriptUrl.replace(/^https?:\/\/[^/]+/, "")}:${lineNumber + 1}:${columnNumber}`;
  const map = scriptUrl.startsWith("http") ? await mapFor(scriptUrl) : null;
  if (map) {
    const original = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
    if (original.source)
      name = `${original.name ?? functionName ?? "?"} ${original.source.replace(/.*node_modules\//, "~/")}:${original.line}`;
  }
  selfTime.set(name, (selfTime.get(name) ?? 0) + us / 1000);
}
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
console.log(`CPU throttle ${throttle}x, ${url}; long tasks [start ms, duration ms]: ${JSON.stringify(longTasks)}`);
console.log(`total sampled ${total.toFixed(0)} ms; top self time:`);
for (const [name, ms] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);

// The main thread's busy stretches (consecutive samples that are not idle), each with where its
// time went by source file: a stand-in for the long tasks above, in the profile's own clock.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
async function sourceOf(node) {
  const { url: scriptUrl, lineNumber, columnNumber, functionName } = node.callFrame;
  if (!scriptUrl.startsWith("http")) return functionName || "(native)";
  const map = await mapFor(scriptUrl);
  const original = map && originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
  const where = process.argv.includes("--functions") ? ` ${original?.name ?? functionName}:${original?.line}` : "";
  return ((original?.source ?? scriptUrl) + where).replace(/.*node_modules\//, "~/").replace(/^turbopack:\/\/\/\[project\]\//, "");
}
let t = 0;
const bursts = [];
let current = null;
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i] ?? 0;
  const node = byId.get(profile.samples[i]);
  const idle = node.callFrame.functionName === "(idle)";
  if (idle) {
    if (current && t - current.end > 4000) current = null;
    continue;
  }
  if (!current) bursts.push((current = { start: t, end: t, samples: [] }));
  current.end = t;
  current.samples.push([node, profile.timeDeltas[i + 1] ?? 0]);
}
console.log("\nbusy stretches over 50 ms [start ms after profiling began, duration ms], top sources by self time:");
for (const burst of bursts.filter((b) => b.end - b.start > 50_000)) {
  const bySource = new Map();
  for (const [node, us] of burst.samples) {
    const source = await sourceOf(node);
    bySource.set(source, (bySource.get(source) ?? 0) + us / 1000);
  }
  const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, process.argv.includes("--functions") ? 16 : 8);
  console.log(
    `[${(burst.start / 1000).toFixed(0)}, ${((burst.end - burst.start) / 1000).toFixed(0)}] ${top.map(([s, ms]) => `${s} ${ms.toFixed(0)}`).join("; ")}`,
  );
}

if (process.argv.includes("--inclusive")) {
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const fileOf = new Map();
  const fileOfNode = async (node) => {
    if (!fileOf.has(node.id)) fileOf.set(node.id, (await sourceOf(node)).replace(/ .*/, ""));
    return fileOf.get(node.id);
  };
  console.log("\ninclusive time by source file in each busy stretch over 50 ms:");
  for (const burst of bursts.filter((b) => b.end - b.start > 50_000)) {
    const under = new Map();
    for (const [node, us] of burst.samples) {
      const files = new Set();
      for (let n = node; n; n = parent.get(n.id)) files.add(await fileOfNode(n));
      for (const file of files) under.set(file, (under.get(file) ?? 0) + us / 1000);
    }
    const top = [...under].sort((a, b) => b[1] - a[1]).slice(0, 24);
    console.log(`[${(burst.start / 1000).toFixed(0)}, ${((burst.end - burst.start) / 1000).toFixed(0)}]`);
    for (const [file, ms] of top) console.log(`${ms.toFixed(0).padStart(8)} ms  ${file}`);
  }
}
