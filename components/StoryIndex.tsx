import Link from "next/link";
import type { StorySummary } from "@/geo/story";
import { Byline } from "./Byline";
import { STORY_MAP_SIZE } from "./og/storyMap";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The story index: every story, newest first, with its byline, its counts and a small map of its places. */
export function StoryIndex({ summaries }: { summaries: readonly StorySummary[] }) {
  return (
    <main className="story-index">
      <p className="brand">
        <Link href="/">Dateline</Link>
      </p>
      <h1>Stories</h1>
      <p className="story-index-intro">{plural(summaries.length, "story", "stories")}, newest first. Each opens as a map of its events.</p>
      <ol className="story-cards">
        {summaries.map(({ story, eventCount, placeCount }) => (
          <li key={story.id} className="story-card" data-story={story.id}>
            <Link href={`/stories/${story.id}`} className="story-card-link">
              {/* eslint-disable-next-line @next/next/no-img-element -- a static SVG made at build: nothing for next/image to optimise */}
              <img
                className="story-card-map"
                src={`/stories/${story.id}/map.svg`}
                width={STORY_MAP_SIZE.width}
                height={STORY_MAP_SIZE.height}
                alt=""
                loading="lazy"
              />
              <span className="story-card-text">
                <span className="story-card-title">{story.title}</span>
                <Byline story={story} className="story-card-byline" as="span" />
                <span className="story-card-counts">
                  {plural(eventCount, "event", "events")} · {plural(placeCount, "place", "places")}
                  {story.frontPage && <span className="story-card-front"> · on the front page</span>}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </main>
  );
}
