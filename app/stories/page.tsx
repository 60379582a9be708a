import type { Metadata } from "next";
import { StoryIndex } from "@/components/StoryIndex";
import { loadDataset } from "@/geo/load";
import { storySummaries } from "@/geo/story";

export const metadata: Metadata = {
  title: "Stories",
  description: "Every story on Dateline, newest first: each a map of the events its article reports.",
  alternates: { canonical: "/stories" },
};

export default function StoriesPage() {
  return <StoryIndex summaries={storySummaries(loadDataset())} />;
}
