import type { Metadata } from "next";
import { DatelineApp } from "@/components/DatelineApp";
import { firstViewOf } from "@/components/map/FirstView";
import { loadDataset } from "@/geo/load";
import { storyMetadata } from "@/app/_server/metadata";
import { frontPageStory, pageBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/app/_server/env";

// Prerendered at build, the same bytes for every reader so that any cache may serve it: the HTML
// holds the whole story, unfiltered, and the view in the query string applies in the browser as the
// page starts (components/useUrlState.ts). `/` is the front-page story (the one whose story.json
// says "frontPage": true); every story is also at /stories/<id>.

export function generateMetadata(): Metadata {
  return storyMetadata(frontPageStory(loadDataset()));
}

export default function HomePage() {
  const dataset = loadDataset();
  const bundle = pageBundle(dataset, frontPageStory(dataset));
  return <DatelineApp bundle={bundle} tiles={tileSettingFromEnv()} firstView={firstViewOf({ bundle })} />;
}
