/**
 * `npm run generate:fixture -- --events 10000 [--seed 42] --out <data folder> [--story <id>]`:
 * a complete data folder for builds at scale: a copy of geo/data, plus that many generated
 * ACLED-style rows (written beside it as <folder>.csv) imported into the context layer of the
 * front-page story. Then `DATELINE_DATA_DIR=<folder> npm run build` builds it. The folder is
 * replaced if it exists; make it under a gitignored path (.fixtures/, test-results/).
 */
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { writeAcledCsv } from "../acled-csv";
import { importAcled } from "../import";
import { integerFlag, parseArgs, requiredFlag, runCli } from "./args";

/** The shipped data the fixture starts from. */
const SOURCE = path.join("geo", "data");
/** The first story, whose context layer gets the rows: `/` then shows them. */
const FIRST_STORY = "putin-visits-syria-2020";

runCli(async () => {
  const { values } = parseArgs({
    options: { events: { type: "string" }, seed: { type: "string" }, out: { type: "string" }, story: { type: "string" } },
  });
  const events = integerFlag("events", values.events);
  const seed = integerFlag("seed", values.seed, 42);
  const out = path.resolve(requiredFlag("out", values.out));
  if (path.resolve(SOURCE) === out) throw new Error(`--out must not be ${SOURCE} itself`);
  const csv = `${out}.csv`;
  const started = performance.now();
  await rm(out, { recursive: true, force: true });
  await cp(SOURCE, out, { recursive: true });
  await writeAcledCsv(csv, events, seed);
  const report = await importAcled({
    csv,
    dataDir: out,
    story: values.story ?? FIRST_STORY,
    dataset: "Generated ACLED-style fixture",
    sourceUrl: "https://example.org/dateline/generated-fixture",
    idPrefix: "gen",
  });
  if (report.problems.length > 0) {
    const [first] = report.problems;
    throw new Error(
      `${report.problems.length} generated row(s) did not import; the first: row ${first?.row}, ${first?.column} = ${first?.value}: ${first?.message}`,
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Made ${out} in ${seconds} s: ${report.imported} generated events (seed ${seed}) at ${report.placesCreated.length} new places with ` +
      `${report.actorsCreated.length} new actors, imported from ${csv}.`,
  );
});
