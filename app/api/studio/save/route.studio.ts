import { jsonError, json, reviewFrom } from "@/app/_server/studio";
import { DATA_DIR } from "@/geo/load";
import { formatProblem } from "@/geo/problems";
import { saveStory } from "@/geo/studio/save";

/**
 * `POST /api/studio/save` `{review}`: writes the story's files into the data folder, or answers
 * 400 naming every problem and writes nothing.
 */
export async function POST(request: Request) {
  const parsed = await reviewFrom(request);
  if ("answer" in parsed) return parsed.answer;
  const result = saveStory(DATA_DIR, parsed.review);
  if (!result.saved) {
    const problems = result.problems.map(formatProblem);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    return jsonError(400, "invalid_story", `not saved: ${problems[0] ?? "the story has problems"}${more}`, { problems });
  }
  return json(result);
}
