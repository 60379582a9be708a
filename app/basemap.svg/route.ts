import { buildBasemap } from "@/geo/basemap";
import { landSvg } from "@/geo/land-svg";
import { loadDataset } from "@/geo/load";

// The region's land as an image (geo/land-svg.ts): built once at `next build`, served as a static file.
export const dynamic = "force-static";

export function GET() {
  return new Response(landSvg(buildBasemap(loadDataset().places).countries), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  });
}
