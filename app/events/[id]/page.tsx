import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharePage } from "@/components/SharePage";
import { loadDataset } from "@/geo/load";
import { shareMetadata } from "@/app/_server/metadata";
import { eventJsonLd, eventShare, jsonLdText } from "@/geo/share";
import { findStory, storyPath } from "@/geo/story";
import { tileSettingFromEnv } from "@/app/_server/env";

type Params = Promise<{ id: string }>;

// Not made at build, so that the build does not grow with the events: each page is rendered on its
// first request and then kept and served as it is (an empty generateStaticParams), like the preview
// images. proxy.ts answers unknown ids with the 404 page, and hashes the page's inline scripts for
// its CSP when it is first asked for.
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
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
  const story = first && findStory(dataset, first.properties.story);
  if (!share || !first || !story) notFound();
  const path = storyPath(story);
  return (
    <SharePage
      kicker={`Event · ${share.dateText} · ${share.features.map((f) => f.properties.placeName).join(", ")}`}
      title={share.title}
      intro={<p>{first.properties.summary}</p>}
      groups={[{ story, storyPath: path, mapHref: `${path}?event=${id}`, features: share.features }]}
      focusEvent={id}
      // Only the event's own features and places, not its story's: the page's size does not grow with the story.
      map={{ places: share.places, features: share.features, focusPlace: first.properties.placeId, tiles: tileSettingFromEnv() }}
      actors={dataset.actors}
      fullMapHref={`${path}?event=${id}`}
      jsonLd={jsonLdText(eventJsonLd(share, `/events/${id}`))}
    />
  );
}
