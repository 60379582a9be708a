import { placesCollection } from "@/geo/api";
import { loadDataset } from "@/geo/load";

export const dynamic = "force-static";

export function GET() {
  return Response.json(placesCollection(loadDataset()), { headers: { "Content-Type": "application/geo+json" } });
}
