import { storyFileRoute, storyParams } from "@/app/_server/storyFile";
import { storyMapSvg } from "@/components/og/storyMap";
import { storyBundle } from "@/geo/story";

// One small map per story, made at build like the preview images and served as a static file,
// cached as they are.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return storyParams();
}

export const GET = storyFileRoute("image/svg+xml; charset=utf-8", (dataset, story) =>
  storyMapSvg(storyBundle(dataset, story).places.map((p) => p.geometry.coordinates)),
);
