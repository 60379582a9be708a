"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Actor } from "@/geo/schema";

/** What a page that gathers events from several stories knows of each: its dateline and its map's address. */
export interface StoryLink {
  dateline: string;
  path: string;
}

interface StoryLookup {
  dateline: string;
  /** Shows an event's quote in the reading panel; absent where the page has no reading panel. */
  readInArticle?: (eventId: string) => void;
  actorsById: ReadonlyMap<string, Actor>;
  /** The dateline an event of this story is read against: its own story's, else the page's. */
  datelineOf: (storyId: string) => string;
  /** The address of this story's full map: `/` unless the page says otherwise. */
  pathOf: (storyId: string) => string;
  /** `_blank` inside an embed: links to the site's own pages open outside the frame. */
  linkTarget?: "_blank";
}

const StoryContext = createContext<StoryLookup | null>(null);

/** Makes the story's dateline and actors (by id) available to every component below, popups included. */
export interface StoryProviderProps {
  /** The dateline that relative dates are read against ("since 2011" runs to it). */
  dateline: string;
  actors: readonly Actor[];
  readInArticle?: (eventId: string) => void;
  /** On a page with events from several stories (a place's share page): each story's dateline and address, by id. */
  stories?: Readonly<Record<string, StoryLink>>;
  /** Inside an embed: the site's own pages are not framed, so links to them open a new window. */
  linksOpenOutside?: boolean;
  children: ReactNode;
}

export function StoryProvider({ dateline, actors, readInArticle, stories, linksOpenOutside, children }: StoryProviderProps) {
  const value = useMemo(
    () => ({
      dateline,
      readInArticle,
      actorsById: new Map(actors.map((a) => [a.id, a])),
      datelineOf: (storyId: string) => stories?.[storyId]?.dateline ?? dateline,
      pathOf: (storyId: string) => stories?.[storyId]?.path ?? "/",
      linkTarget: linksOpenOutside ? ("_blank" as const) : undefined,
    }),
    [dateline, actors, readInArticle, stories, linksOpenOutside],
  );
  return <StoryContext.Provider value={value}>{children}</StoryContext.Provider>;
}

export function useStory(): StoryLookup {
  const value = useContext(StoryContext);
  if (!value) throw new Error("useStory() needs a <StoryProvider> above it");
  return value;
}
