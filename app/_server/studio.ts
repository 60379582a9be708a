/**
 * The studio's HTTP plumbing: JSON answers that no cache keeps, the error shape of the API, and
 * reading a review from a request body. The route handlers under app/api/studio/ stay thin.
 */
import { DATA_DIR, readRawDataset } from "@/geo/load";
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

/** The data folder as it is on disk now: the studio reads it on every request, since it writes it. */
export function currentDataset(): Dataset {
  return validateDataset(readRawDataset(DATA_DIR)).dataset;
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
