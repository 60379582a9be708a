import type { NextRequest } from "next/server";
import { currentDataset, json, jsonError } from "@/app/_server/studio";
import { loadGazetteer } from "@/geo/draft/gazetteer";
import { nameKey } from "@/geo/draft/names";
import { mergeCandidates, searchGazetteer, searchKnownPlaces } from "@/geo/studio/search";

/** `GET /api/studio/places?q=`: places matching a name, the data folder's own first, then the gazetteer's. */
export function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get("q")?.trim() ?? "";
  if (!q) return jsonError(400, "bad_parameter", "q: give a name to search for");
  if (q.length > 100) return jsonError(400, "bad_parameter", "q: at most 100 characters");
  return json({ candidates: mergeCandidates(searchKnownPlaces(currentDataset().places, q), searchGazetteer(loadGazetteer(), q, nameKey)) });
}
