import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedApp } from "@/components/embed/EmbedApp";
import { firstViewOf } from "@/components/map/FirstView";
import { loadDataset } from "@/geo/load";
import { findStory, pageBundle } from "@/geo/story";
import { tileSettingFromEnv } from "@/app/_server/env";

type Params = Promise<{ id: string }>;

// One embed per story, known at build, like /stories/<id>.
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().stories.map((story) => ({ id: story.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const story = findStory(loadDataset(), (await params).id);
  if (!story) notFound();
  // The story's page is the one to index and to share; the embed only frames its map.
  return {
    title: { absolute: `${story.title} · Dateline map` },
    robots: { index: false },
    alternates: { canonical: `/stories/${story.id}` },
  };
}

export default async function EmbedPage({ params }: { params: Params }) {
  const dataset = loadDataset();
  const story = findStory(dataset, (await params).id);
  if (!story) notFound();
  const bundle = pageBundle(dataset, story);
  return <EmbedApp bundle={bundle} tiles={tileSettingFromEnv()} firstView={firstViewOf({ bundle, linksOpenOutside: true })} />;
}
