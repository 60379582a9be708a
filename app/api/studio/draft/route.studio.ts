import { studioEnabled } from "@/app/_server/env";
import { currentDataset } from "@/app/_server/studio";
import { draftAnswer, MAX_TEXT_LENGTH } from "@/geo/draft/request";

// Each request is its own draft: never prerendered, never cached (app/_server/headers.cjs).
export const dynamic = "force-dynamic";

// no-store here too: app/_server/headers.cjs sets it for /api/studio/ in a server, this for a direct call.
const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

/**
 * The most bytes read from a request: the longest text JSON-escaped at 6 bytes a character
 * ("\u00e9"), plus room for the dateline. A larger body is refused before it fills the memory.
 */
const MAX_BODY_BYTES = MAX_TEXT_LENGTH * 6 + 1024;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

const notFound = () =>
  json(404, { error: { code: "not_found", message: "no such endpoint: the studio is off (DATELINE_STUDIO=on turns it on)" } });
const tooLong = () =>
  json(400, {
    error: {
      code: "text_too_long",
      message: `the request body is over ${MAX_BODY_BYTES} bytes; the studio reads at most ${MAX_TEXT_LENGTH} characters`,
    },
  });

/** The body as text, or undefined once it passes `limit` bytes (the rest is not read). */
async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** `POST /api/studio/draft` (CONTRACT.md, "The studio"): a 404 unless DATELINE_STUDIO=on. */
export async function POST(request: Request): Promise<Response> {
  if (!studioEnabled()) return notFound();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLong();
  let raw: string | undefined;
  try {
    raw = await readCapped(request, MAX_BODY_BYTES);
  } catch {
    return json(400, { error: { code: "bad_body", message: "the request body could not be read" } });
  }
  if (raw === undefined) return tooLong();
  try {
    // The data folder as it is now: the studio writes new places and actors into it.
    const answer = draftAnswer(raw, currentDataset());
    return json(answer.status, answer.body);
  } catch (error) {
    console.error("POST /api/studio/draft failed:", error);
    return json(500, { error: { code: "draft_failed", message: "the draft could not be made; the server log says why" } });
  }
}

/** Anything but POST: the studio's 404 when it is off, else a 405 that names the method to use. */
export function GET(): Response {
  if (!studioEnabled()) return notFound();
  return json(405, { error: { code: "method_not_allowed", message: "POST the article as JSON to this endpoint" } }, { Allow: "POST" });
}
