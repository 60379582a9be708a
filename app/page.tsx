import type { Metadata } from "next";
import { DatelineApp } from "@/components/DatelineApp";
import { loadDataset } from "@/geo/load";
import { storyMetadata } from "@/geo/share";
import { frontPageStory, storyBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/geo/tiles";

// The view lives in the query string, so the page renders per request: the event list, filtered
// and focused as the link says, is in the HTML before any JavaScript runs. `/` is the front-page
// story (the one whose story.json says "frontPage": true); every story is also at /stories/<id>.
export const dynamic = "force-dynamic";

export function generateMetadata(): Metadata {
  return storyMetadata(frontPageStory(loadDataset()));
}

export default function HomePage() {
  const dataset = loadDataset();
  return <DatelineApp bundle={storyBundle(dataset, frontPageStory(dataset))} tiles={tileSettingFromEnv()} />;
}
