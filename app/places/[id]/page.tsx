import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharePage } from "@/components/SharePage";
import { PLACE_KIND_LABELS } from "@/geo/labels";
import { loadDataset } from "@/geo/load";
import { shareMetadata } from "@/app/_server/metadata";
import { formatCoordinates, jsonLdText, placeJsonLd, placeShare } from "@/geo/share";
import { storyPath } from "@/geo/story";
import { tileSettingFromEnv } from "@/app/_server/env";

type Params = Promise<{ id: string }>;

// Not made at build, so that the build does not grow with the places: each page is rendered on its
// first request and then kept and served as it is (an empty generateStaticParams), like the preview
// images. proxy.ts answers unknown ids with the 404 page, and hashes the page's inline scripts for
// its CSP when it is first asked for.
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
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
  const { place } = share;
  // Every story with an event here, newest first: its events are the page's text, its map the page's map.
  const groups = share.groups.map(({ story, features }) => ({
    story,
    storyPath: storyPath(story),
    mapHref: `${storyPath(story)}?place=${place.id}`,
    features,
  }));
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
      groups={groups}
      headStories
      // Only this place's own events: a share page of one village must not carry a 10,000-event story.
      map={{
        places: [place],
        features: share.features,
        focusPlace: place.id,
        tiles: tileSettingFromEnv(),
      }}
      actors={dataset.actors}
      fullMapHref={groups[0]?.mapHref ?? `/?place=${place.id}`}
      jsonLd={jsonLdText(placeJsonLd(share, `/places/${place.id}`))}
    />
  );
}
