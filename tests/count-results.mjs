// Sums the test reports into the closing line CI reads: "N passed, N failed". A failed step
// without a report of its own (lint, types, build, or a runner that crashed) counts as one
// failed test, so a red step can never hide behind a green count.
import { existsSync, readFileSync } from "node:fs";

const failedSteps = readFileSync("test-results/failed-steps.txt", "utf8").split("\n").filter(Boolean);
const reports = {
  "unit tests": ["test-results/unit.json", (r) => [r.numPassedTests, r.numFailedTests]],
  "browser tests": ["test-results/browser.json", (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected]],
  // The fuzz run (tests/fuzz/fuzz.mjs) counts as one test: passed when no request failed.
  fuzz: ["test-results/fuzz.json", (r) => (r.failures === 0 ? [1, 0] : [0, 1])],
  "load test": ["test-results/load.json", (r) => (r.failed ? [0, 1] : [1, 0])],
  "load test through the cache": ["test-results/load-cache.json", (r) => (r.failed ? [0, 1] : [1, 0])],
};

let passed = 0;
let failed = 0;
for (const [step, [file, count]] of Object.entries(reports)) {
  const [p, f] = existsSync(file) ? count(JSON.parse(readFileSync(file, "utf8"))) : [0, 0];
  passed += p;
  failed += f;
  if (failedSteps.includes(step) && f === 0) failed += 1;
}
failed += failedSteps.filter((step) => !(step in reports)).length;

if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
