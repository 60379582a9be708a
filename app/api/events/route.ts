import type { NextRequest } from "next/server";
import { cachedEventsAnswer } from "@/app/_server/api";
import { matchesEtag } from "@/app/_server/etag";
import { loadDataset } from "@/geo/load";

// Rendered per URL, each distinct query once (app/_server/api.ts keeps its bytes and ETag); a
// shared cache keeps each URL's answer (app/_server/headers.cjs) and revalidates by its ETag.
export function GET(request: NextRequest) {
  const answer = cachedEventsAnswer(loadDataset(), request.nextUrl.searchParams);
  if (answer.status !== 200) return new Response(answer.body, { status: answer.status, headers: answer.headers });
  if (matchesEtag(request.headers.get("If-None-Match"), answer.etag))
    return new Response(null, { status: 304, headers: { ETag: answer.etag } });
  return new Response(answer.body, { status: 200, headers: { ...answer.headers, ETag: answer.etag } });
}
