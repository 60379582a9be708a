import type { NextRequest } from "next/server";
import { eventsAnswer } from "@/app/_server/api";
import { etagOf, matchesEtag } from "@/app/_server/etag";
import { loadDataset } from "@/geo/load";

// Rendered per URL; a shared cache keeps each URL's answer (app/_server/headers.cjs) and revalidates by its ETag.
export function GET(request: NextRequest) {
  const answer = eventsAnswer(loadDataset(), request.nextUrl.searchParams);
  if (answer.status !== 200) return new Response(answer.body, { status: answer.status, headers: answer.headers });
  const etag = etagOf(answer.body);
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers: { ETag: etag } });
  return new Response(answer.body, { status: 200, headers: { ...answer.headers, ETag: etag } });
}
