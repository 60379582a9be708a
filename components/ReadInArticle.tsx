"use client";

import Link from "next/link";
import { useStory } from "./StoryContext";

/** Goes to an event's quote in the reading panel, or, where there is none, to the map page that has it. */
export function ReadInArticle({ eventId, storyId }: { eventId: string; storyId: string }) {
  const { readInArticle, pathOf, linkTarget } = useStory();
  if (!readInArticle) {
    return (
      <Link
        className="chip read-in-article"
        href={`${pathOf(storyId)}?event=${eventId}`}
        target={linkTarget}
        rel={linkTarget ? "noopener" : undefined}
        // A sandboxed embed has an opaque origin, where Next's prefetch would be a refused cross-origin fetch.
        prefetch={linkTarget ? false : undefined}
      >
        Read in the article
      </Link>
    );
  }
  return (
    <button type="button" className="chip read-in-article" onClick={() => readInArticle(eventId)}>
      Read in the article
    </button>
  );
}
