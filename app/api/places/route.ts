import { etagOf } from "@/app/_server/etag";
import { placesCollection } from "@/geo/api";
import { loadDataset } from "@/geo/load";

// Made at build; a shared cache keeps it (app/_server/headers.cjs) and revalidates by its ETag.
export const dynamic = "force-static";

export function GET() {
  const body = JSON.stringify(placesCollection(loadDataset()));
  return new Response(body, { headers: { "Content-Type": "application/geo+json", ETag: etagOf(body) } });
}
