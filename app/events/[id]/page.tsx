import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SharePage } from "@/components/SharePage";
import { loadDataset } from "@/geo/load";
import { eventJsonLd, eventShare, jsonLdText, shareMetadata } from "@/geo/share";
import { storyBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/geo/tiles";

type Params = Promise<{ id: string }>;

// Every event is known at build (generateStaticParams); any other id is the 404 page. The page
// itself renders per request, to carry the CSP nonce (proxy.ts); its preview image stays static.
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().events.map((event) => ({ id: event.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const share = eventShare(loadDataset(), (await params).id);
  if (!share) notFound();
  const url = `/events/${share.features[0]?.properties.eventId}`;
  return shareMetadata(share.title, share.description, url);
}

export default async function EventPage({ params }: { params: Params }) {
  const dataset = loadDataset();
  const id = (await params).id;
  const share = eventShare(dataset, id);
  const first = share?.features[0];
  if (!share || !first) notFound();
  const story = dataset.stories.find((s) => s.id === first.properties.story);
  const bundle = story ? storyBundle(dataset, story) : { features: share.features, places: share.places, actors: dataset.actors };
  return (
    <SharePage
      kicker={`Event · ${share.dateText} · ${share.features.map((f) => f.properties.placeName).join(", ")}`}
      title={share.title}
      intro={<p>{first.properties.summary}</p>}
      events={share.features}
      focusEvent={id}
      map={{ places: bundle.places, features: bundle.features, focusPlace: first.properties.placeId, tiles: tileSettingFromEnv() }}
      actors={dataset.actors}
      dateline={story?.dateline ?? ""}
      fullMapHref={`/?event=${id}`}
      nonce={(await headers()).get("x-nonce") ?? undefined}
      jsonLd={jsonLdText(eventJsonLd(share, `/events/${id}`))}
    />
  );
}
