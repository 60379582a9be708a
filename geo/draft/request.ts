/**
 * `POST /api/studio/draft` as plain data: the request body in, status and JSON out, so that the
 * checks are tested without a server. The route (app/api/studio/draft/route.studio.ts) copies the answer.
 */
import { isIsoDay } from "../dates";
import type { Gazetteer } from "./gazetteer";
import { draftStory, type DraftRegistry } from "./index";
import type { Draft } from "./types";

/** The longest article the studio reads, in UTF-16 code units (CONTRACT.md, "The studio"). */
export const MAX_TEXT_LENGTH = 100_000;

export type DraftAnswer = { status: 200; body: Draft } | { status: 400; body: { error: { code: string; message: string } } };

const problem = (code: string, message: string): DraftAnswer => ({ status: 400, body: { error: { code, message } } });

/**
 * Checks a request body (the raw text, not yet parsed) and drafts the story.
 * @example draftAnswer('{"text": "Iran fired missiles on Tuesday.", "dateline": "2020-01-08"}', registry)
 */
export function draftAnswer(raw: string, registry: DraftRegistry, gazetteer?: Gazetteer): DraftAnswer {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    return problem("bad_json", `the request body is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return problem("bad_body", 'the request body must be a JSON object {"text": "...", "dateline": "YYYY-MM-DD"}');
  }
  const { text, dateline } = body as Record<string, unknown>;
  if (text === undefined)
    return problem("missing_text", '"text" is missing: send the article as {"text": "...", "dateline": "YYYY-MM-DD"}');
  if (typeof text !== "string")
    return problem("bad_text", `"text" must be a string, not ${Array.isArray(text) ? "an array" : typeof text}`);
  if (text.trim() === "") return problem("empty_text", '"text" is empty: paste the article');
  if (text.length > MAX_TEXT_LENGTH) {
    return problem("text_too_long", `"text" has ${text.length} characters; the studio reads at most ${MAX_TEXT_LENGTH}`);
  }
  if (dateline === undefined) return problem("missing_dateline", '"dateline" is missing: the article\'s date, as YYYY-MM-DD');
  if (typeof dateline !== "string" || !isIsoDay(dateline)) {
    return problem("bad_dateline", `"dateline" ${JSON.stringify(dateline)?.slice(0, 40)} is not a real day written YYYY-MM-DD`);
  }
  return { status: 200, body: draftStory(text, dateline, registry, gazetteer) };
}
