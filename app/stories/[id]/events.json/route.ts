import { etagOf } from "@/app/_server/etag";
import { loadDataset } from "@/geo/load";
import { findStory, storyEventsFile } from "@/geo/story";

type Params = Promise<{ id: string }>;

// A story's events as one compact data file (geo/events-file.ts), made at build and served as a
// static file: a large story's page fetches it instead of carrying its events in its HTML.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return loadDataset().stories.map((story) => ({ id: story.id }));
}

export async function GET(_request: Request, { params }: { params: Params }) {
  const dataset = loadDataset();
  const story = findStory(dataset, (await params).id);
  if (!story) return new Response("Not found", { status: 404 });
  const body = JSON.stringify(storyEventsFile(dataset, story));
  // Cache-Control comes from app/_server/headers.cjs: revalidated by ETag like the pages, whose events it holds.
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8", ETag: etagOf(body) } });
}
