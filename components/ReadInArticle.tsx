"use client";

import Link from "next/link";
import { useStory } from "./StoryContext";

/** Goes to an event's quote in the reading panel, or, where there is none, to the map page that has it. */
export function ReadInArticle({ eventId, storyId }: { eventId: string; storyId: string }) {
  const { readInArticle, pathOf } = useStory();
  if (!readInArticle) {
    return (
      <Link className="chip read-in-article" href={`${pathOf(storyId)}?event=${eventId}`}>
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
