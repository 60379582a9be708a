import { withEtag } from "@/app/_server/etag";
import { PREVIEW_SIZE, previewImage } from "@/components/og/PreviewImage";
import { loadDataset } from "@/geo/load";
import { eventShare } from "@/geo/share";

export const size = PREVIEW_SIZE;
export const contentType = "image/png";
export const alt = "The event's place on a small map, with its title and date";
// Made on first request and then kept (an empty generateStaticParams makes the route static on
// demand), not at build: the build does not grow with the events. proxy.ts answers unknown ids with a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const share = eventShare(loadDataset(), (await params).id);
  const first = share?.features[0];
  if (!share || !first) return new Response("Not found", { status: 404 });
  return withEtag(
    previewImage({
      kicker: share.features.map((f) => f.properties.placeName).join(" · "),
      title: share.title,
      detail: share.dateText,
      centre: first.geometry.coordinates,
    }),
  );
}
