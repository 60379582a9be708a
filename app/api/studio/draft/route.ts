import { studioEnabled } from "@/app/_server/env";
import { draftAnswer } from "@/geo/draft/request";
import { loadDataset } from "@/geo/load";

// Each request is its own draft: never prerendered, never cached (app/_server/headers.cjs).
export const dynamic = "force-dynamic";

// no-store here too: app/_server/headers.cjs sets it for /api/studio/ in a server, this for a direct call.
const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: HEADERS });
}

/** `POST /api/studio/draft` (CONTRACT.md, "The studio"): a 404 unless DATELINE_STUDIO=on. */
export async function POST(request: Request): Promise<Response> {
  if (!studioEnabled())
    return json(404, { error: { code: "not_found", message: "no such endpoint: the studio is off (DATELINE_STUDIO=on turns it on)" } });
  let raw: string;
  try {
    raw = await request.text();
  } catch {
    return json(400, { error: { code: "bad_body", message: "the request body could not be read" } });
  }
  try {
    const answer = draftAnswer(raw, loadDataset());
    return json(answer.status, answer.body);
  } catch (error) {
    console.error("POST /api/studio/draft failed:", error);
    return json(500, { error: { code: "draft_failed", message: "the draft could not be made; the server log says why" } });
  }
}
