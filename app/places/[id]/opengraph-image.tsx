import { PREVIEW_SIZE, previewImage } from "@/components/og/PreviewImage";
import { loadDataset } from "@/geo/load";
import { placeShare } from "@/geo/share";

export const size = PREVIEW_SIZE;
export const contentType = "image/png";
export const alt = "The place on a small map, with its name";
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().places.map((place) => ({ id: place.id }));
}

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const share = placeShare(loadDataset(), (await params).id);
  if (!share) return new Response("Not found", { status: 404 });
  const count = share.features.length;
  return previewImage({
    kicker: `${share.place.properties.kind.replace("-", " ")} · ${share.place.properties.country}`,
    title: share.title,
    detail: `${count} event${count === 1 ? "" : "s"} in the story`,
    centre: share.place.geometry.coordinates,
  });
}
