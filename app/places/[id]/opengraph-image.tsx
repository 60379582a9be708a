import { withEtag } from "@/app/_server/etag";
import { PREVIEW_SIZE, previewImage } from "@/components/og/PreviewImage";
import { loadDataset } from "@/geo/load";
import { placeShare } from "@/geo/share";

export const size = PREVIEW_SIZE;
export const contentType = "image/png";
export const alt = "The place on a small map, with its name";
// Made on first request and then kept (an empty generateStaticParams makes the route static on
// demand), not at build: the build does not grow with the places. proxy.ts answers unknown ids with a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const share = placeShare(loadDataset(), (await params).id);
  if (!share) return new Response("Not found", { status: 404 });
  const count = share.features.length;
  const stories = share.groups.length;
  return withEtag(
    previewImage({
      kicker: `${share.place.properties.kind.replace("-", " ")} · ${share.place.properties.country}`,
      title: share.title,
      detail: `${count} event${count === 1 ? "" : "s"} ${stories > 1 ? `in ${stories} stories` : "in the story"}`,
      centre: share.place.geometry.coordinates,
    }),
  );
}
