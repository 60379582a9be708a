import { etagOf } from "@/app/_server/etag";
import { loadDataset } from "@/geo/load";
import type { Dataset } from "@/geo/validate";
import { findStory } from "@/geo/story";

type Story = NonNullable<ReturnType<typeof findStory>>;

/** Every story's id, for a route made at build once per story (generateStaticParams). */
export function storyParams(): { id: string }[] {
  return loadDataset().stories.map((story) => ({ id: story.id }));
}

/**
 * The GET of a file made once per story at build (its events, its small map): the story's bytes
 * with their type and an ETag, or 404 for a story that does not exist. Cache-Control comes from
 * app/_server/headers.cjs, by path.
 */
export function storyFileRoute(contentType: string, make: (dataset: Dataset, story: Story) => string) {
  return async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
    const dataset = loadDataset();
    const story = findStory(dataset, (await params).id);
    if (!story) return new Response("Not found", { status: 404 });
    const body = make(dataset, story);
    return new Response(body, { headers: { "Content-Type": contentType, ETag: etagOf(body) } });
  };
}
