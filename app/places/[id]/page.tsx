import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SharePage } from "@/components/SharePage";
import { PLACE_KIND_LABELS } from "@/geo/labels";
import { loadDataset } from "@/geo/load";
import { formatCoordinates, jsonLdText, placeJsonLd, placeShare, shareMetadata } from "@/geo/share";
import { storyBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/geo/tiles";

type Params = Promise<{ id: string }>;

// Every place is known at build (generateStaticParams); any other id is the 404 page. The page
// itself renders per request, to carry the CSP nonce (proxy.ts); its preview image stays static.
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().places.map((place) => ({ id: place.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const share = placeShare(loadDataset(), (await params).id);
  if (!share) notFound();
  const url = `/places/${share.place.id}`;
  return shareMetadata(share.title, share.description, url);
}

export default async function PlacePage({ params }: { params: Params }) {
  const dataset = loadDataset();
  const share = placeShare(dataset, (await params).id);
  if (!share) notFound();
  const { place, features } = share;
  const story = dataset.stories.find((s) => s.id === features[0]?.properties.story) ?? dataset.stories[0];
  const bundle = story ? storyBundle(dataset, story) : { features, places: [place], actors: dataset.actors };
  return (
    <SharePage
      kicker={`Place · ${PLACE_KIND_LABELS[place.properties.kind]} · ${place.properties.country}`}
      title={place.properties.name}
      intro={
        <p>
          {share.description} Also known as {place.properties.aliases.join(", ") || "—"}. Located at {formatCoordinates(place)} (
          {place.properties.precision === "exact" ? "the site itself" : "approximate"}; source: {place.properties.coordinatesSource}).
        </p>
      }
      events={features}
      map={{ places: bundle.places, features: bundle.features, focusPlace: place.id, tiles: tileSettingFromEnv() }}
      actors={dataset.actors}
      dateline={story?.dateline ?? ""}
      fullMapHref={`/?place=${place.id}`}
      nonce={(await headers()).get("x-nonce") ?? undefined}
      jsonLd={jsonLdText(placeJsonLd(share, `/places/${place.id}`))}
    />
  );
}
