import { etagOf } from "@/app/_server/etag";
import { loadDataset } from "@/geo/load";
import { findStory, storyBundle } from "@/geo/story";
import { storyMapSvg } from "@/components/og/storyMap";

type Params = Promise<{ id: string }>;

// One small map per story, made at build like the preview images and served as a static file.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().stories.map((story) => ({ id: story.id }));
}

export async function GET(_request: Request, { params }: { params: Params }) {
  const dataset = loadDataset();
  const story = findStory(dataset, (await params).id);
  if (!story) return new Response("Not found", { status: 404 });
  const svg = storyMapSvg(storyBundle(dataset, story).places.map((p) => p.geometry.coordinates));
  // Cache-Control comes from app/_server/headers.cjs, with the preview images'.
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8", ETag: etagOf(svg) } });
}
