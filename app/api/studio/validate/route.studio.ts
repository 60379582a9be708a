import { reviewFrom, json } from "@/app/_server/studio";
import { DATA_DIR } from "@/geo/load";
import { formatProblem } from "@/geo/problems";
import { checkStory } from "@/geo/studio/save";

/** `POST /api/studio/validate` `{review}`: `npm run validate`'s problems with the story saved, one line each. */
export async function POST(request: Request) {
  const parsed = await reviewFrom(request);
  if ("answer" in parsed) return parsed.answer;
  const { folder, problems } = checkStory(DATA_DIR, parsed.review);
  return json({ folder, problems: problems.map(formatProblem) });
}
