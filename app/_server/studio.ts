/**
 * The studio's HTTP plumbing: JSON answers that no cache keeps, the error shape of the API, and
 * reading a review from a request body. The route handlers under app/api/studio/ stay thin.
 */
import { DATA_DIR, dataFilesStamp, readRawDataset } from "@/geo/load";
import { parseReview } from "@/geo/studio/review-schema";
import type { StoryReview } from "@/geo/studio/review";
import { validateDataset, type Dataset } from "@/geo/validate";

/** A JSON answer; headers.cjs adds `Cache-Control: no-store` to every studio address. */
export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
}

/** The API's error shape (CONTRACT.md "HTTP API"). */
export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return json({ error: { code, message }, ...extra }, status);
}

let validated: { stamp: string; dataset: Dataset } | undefined;

/**
 * The data folder as it is on disk now. The studio writes the folder, so it cannot keep the
 * dataset for the server's life as the public site does; but validating it (with the Natural
 * Earth point checks) costs far more than a `stat` of each file, so the validated dataset is
 * kept until the files' stamp (paths, inodes, sizes, modification times) changes: a save, or an
 * edit by hand, makes the next request read the folder again.
 */
export function currentDataset(dir: string = DATA_DIR): Dataset {
  // The stamp is taken before the files are read: a file written in between makes the next stamp
  // differ, so the next request reads again rather than keeping a stale dataset.
  const stamp = dataFilesStamp(dir);
  if (validated?.stamp !== stamp) validated = { stamp, dataset: validateDataset(readRawDataset(dir)).dataset };
  return validated.dataset;
}

/** The review in a request's JSON body, or the 400 answer that names what is wrong. */
export async function reviewFrom(request: Request): Promise<{ review: StoryReview } | { answer: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { answer: jsonError(400, "bad_json", "the body is not JSON") };
  }
  const parsed = parseReview((body as { review?: unknown } | null)?.review);
  return "error" in parsed ? { answer: jsonError(400, "bad_review", `${parsed.error} (the body is {"review": {...}})`) } : parsed;
}
