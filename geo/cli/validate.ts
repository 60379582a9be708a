/**
 * `npm run validate`: checks every file in the data folder (`DATELINE_DATA_DIR`, else `geo/data`)
 * and prints each problem with file, record, field and value.
 */
import { formatProblem } from "../problems";
import { DATA_DIR, readRawDataset, shownPath } from "../load";
import { validateDataset } from "../validate";

const folder = shownPath(DATA_DIR);
const { dataset, problems } = validateDataset(readRawDataset());
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the data files (${folder}):`);
  for (const problem of problems) console.error(`  - ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(
  `Data OK (${folder}): ${dataset.places.length} places, ${dataset.actors.length} actors, ` +
    `${dataset.stories.length} stor${dataset.stories.length === 1 ? "y" : "ies"}, ${dataset.events.length} events.`,
);
