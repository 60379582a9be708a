import type { NextRequest } from "next/server";
import { eventsCollection } from "@/geo/api";
import { loadDataset } from "@/geo/load";

export function GET(request: NextRequest) {
  const result = eventsCollection(loadDataset(), request.nextUrl.searchParams);
  const contentType = result.status === 200 ? "application/geo+json" : "application/json";
  return Response.json(result.body, { status: result.status, headers: { "Content-Type": contentType } });
}
