/** `npm run validate`: checks every data file and prints each problem with file, record, field and value. */
import { formatProblem } from "../problems";
import { readRawDataset } from "../load";
import { validateDataset } from "../validate";

const { dataset, problems } = validateDataset(readRawDataset());
if (problems.length > 0) {
  console.error(`${problems.length} problem(s) in the data files:`);
  for (const problem of problems) console.error(`  - ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(
  `Data OK: ${dataset.places.length} places, ${dataset.actors.length} actors, ` +
    `${dataset.stories.length} stor${dataset.stories.length === 1 ? "y" : "ies"}, ${dataset.events.length} events.`,
);
