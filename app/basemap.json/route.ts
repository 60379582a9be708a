import { buildBasemap } from "@/geo/basemap";
import { loadDataset } from "@/geo/load";

// Built once at `next build` and served as a static file.
export const dynamic = "force-static";

export function GET() {
  return Response.json(buildBasemap(loadDataset().places), { headers: { "Cache-Control": "public, max-age=86400" } });
}
