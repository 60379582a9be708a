/**
 * `npm run import -- <file.csv> --story <story id> [--data <folder>] [--dataset ACLED]
 * [--source-url https://...] [--id-prefix acled]`: reads an ACLED-style CSV export into the
 * story's context layer (geo/import/import.ts) in the data folder (`--data`, else
 * DATELINE_DATA_DIR, else geo/data). Prints each broken row with row, line, column and value.
 */
import { DATA_DIR, dataDirFrom, shownPath } from "../../load";
import { importAcled } from "../import";
import { parseArgs, requiredFlag, runCli } from "./args";

/** Past this many, broken rows are counted, not listed: a bad export can break every row. */
const LISTED = 100;

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      story: { type: "string" },
      data: { type: "string" },
      dataset: { type: "string" },
      "source-url": { type: "string" },
      "id-prefix": { type: "string" },
    },
  });
  const [csv, ...extra] = positionals;
  if (csv === undefined || extra.length > 0) throw new Error("usage: npm run import -- <file.csv> --story <story id> [--data <folder>]");
  const dataDir = values.data === undefined ? DATA_DIR : dataDirFrom(values.data);
  const started = performance.now();
  const report = await importAcled({
    csv,
    dataDir,
    story: requiredFlag("story", values.story),
    dataset: values.dataset,
    sourceUrl: values["source-url"],
    idPrefix: values["id-prefix"],
  });
  for (const p of report.problems.slice(0, LISTED))
    console.error(`${csv}: row ${p.row} (line ${p.line}), ${p.column || "the row"} = ${p.value}: ${p.message}`);
  if (report.problems.length > LISTED) console.error(`... and ${report.problems.length - LISTED} more problem(s)`);
  const broken = new Set(report.problems.map((p) => p.row)).size;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `Imported ${report.imported} of ${report.rows} rows into the context layer of "${values.story}" (${shownPath(report.eventsFile)}) in ${seconds} s, peak RSS ${peakMb} MB: ` +
      `${broken} broken row(s) left out, ${report.replaced} earlier event(s) replaced; places: ${report.placesMatched} rows matched a known place, ` +
      `${report.placesCreated.length} new; actors: ${report.actorsCreated.length} new.`,
  );
});
