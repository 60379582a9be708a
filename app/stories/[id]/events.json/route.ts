import { storyFileRoute, storyParams } from "@/app/_server/storyFile";
import { storyEventsFile } from "@/geo/story";

// A story's events as one compact data file (geo/events-file.ts), made at build and served as a
// static file: a large story's page fetches it instead of carrying its events in its HTML.
// Revalidated by ETag like the pages, whose events it holds.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return storyParams();
}

export const GET = storyFileRoute("application/json; charset=utf-8", (dataset, story) => JSON.stringify(storyEventsFile(dataset, story)));
