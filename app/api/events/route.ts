import type { NextRequest } from "next/server";
import { eventsAnswer } from "@/geo/api";
import { loadDataset } from "@/geo/load";

export function GET(request: NextRequest) {
  const answer = eventsAnswer(loadDataset(), request.nextUrl.searchParams);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
