import type { Metadata } from "next";
import { DatelineApp } from "@/components/DatelineApp";
import { loadDataset } from "@/geo/load";
import { frontPageStory, storyBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/geo/tiles";

// The view lives in the query string, so the page renders per request: the event list, filtered
// and focused as the link says, is in the HTML before any JavaScript runs.
export const dynamic = "force-dynamic";

export function generateMetadata(): Metadata {
  const story = frontPageStory(loadDataset());
  return {
    title: { absolute: `${story.title} · Dateline` },
    description: `The events of “${story.title}” (${story.dateline}) on a map: where and when each happened, who was involved, in the article's own words.`,
  };
}

export default function HomePage() {
  const dataset = loadDataset();
  return <DatelineApp bundle={storyBundle(dataset, frontPageStory(dataset))} tiles={tileSettingFromEnv()} />;
}
