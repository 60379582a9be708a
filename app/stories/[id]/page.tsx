import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatelineApp } from "@/components/DatelineApp";
import { firstViewOf } from "@/components/map/FirstView";
import { loadDataset } from "@/geo/load";
import { storyMetadata } from "@/app/_server/metadata";
import { findStory, pageBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/app/_server/env";

type Params = Promise<{ id: string }>;

// The stories are known at build; proxy.ts answers any other id with the 404 page. The page shares
// `/`'s component tree: the same panels, and the same view state in the query string.
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().stories.map((story) => ({ id: story.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const story = findStory(loadDataset(), (await params).id);
  if (!story) notFound();
  return storyMetadata(story);
}

export default async function StoryPage({ params }: { params: Params }) {
  const dataset = loadDataset();
  const story = findStory(dataset, (await params).id);
  if (!story) notFound();
  const bundle = pageBundle(dataset, story);
  return <DatelineApp bundle={bundle} tiles={tileSettingFromEnv()} firstView={firstViewOf({ bundle })} />;
}
