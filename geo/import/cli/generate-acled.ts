/**
 * `npm run generate:acled -- --events 1000 --seed 42 --out <file.csv>`: generated ACLED-style
 * rows (geo/import/generate.ts) as a CSV file. The same seed gives the same file.
 */
import { writeAcledCsv } from "../acled-csv";
import { integerFlag, parseArgs, requiredFlag, runCli } from "./args";

runCli(async () => {
  const { values } = parseArgs({ options: { events: { type: "string" }, seed: { type: "string" }, out: { type: "string" } } });
  const events = integerFlag("events", values.events);
  const seed = integerFlag("seed", values.seed, 42);
  const out = requiredFlag("out", values.out);
  const started = performance.now();
  await writeAcledCsv(out, events, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${events} generated ACLED-style rows (seed ${seed}) to ${out} in ${seconds} s.`);
});
