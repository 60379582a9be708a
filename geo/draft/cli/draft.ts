/**
 * `npm run draft -- <file> --dateline YYYY-MM-DD`: prints the proposals for an article file as
 * `POST /api/studio/draft` answers them (the same checks, the same JSON).
 */
import { readFileSync } from "node:fs";
import { loadDataset } from "../../load";
import { draftAnswer } from "../request";

const USAGE = "usage: npm run draft -- <article.txt> --dateline YYYY-MM-DD";

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const at = args.indexOf("--dateline");
const dateline = at === -1 ? undefined : args[at + 1];
const files = args.filter((_, i) => i !== at && i !== at + 1);
if (files.length !== 1) fail(files.length === 0 ? "no article file given" : `one article file, not ${files.length}: ${files.join(", ")}`);
if (dateline === undefined) fail("--dateline is missing");
let text: string;
try {
  text = readFileSync(files[0]!, "utf8");
} catch (error) {
  fail(`${files[0]}: ${error instanceof Error ? error.message : String(error)}`);
}
let answer: ReturnType<typeof draftAnswer>;
try {
  answer = draftAnswer(JSON.stringify({ text, dateline }), loadDataset());
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (answer.status !== 200) fail(`${files[0]}: ${answer.body.error.message}`);
console.log(JSON.stringify(answer.body, null, 2));
