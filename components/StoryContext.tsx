"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Actor } from "@/geo/schema";

interface StoryLookup {
  dateline: string;
  /** Shows an event's quote in the reading panel; absent where the page has no reading panel. */
  readInArticle?: (eventId: string) => void;
  actorsById: ReadonlyMap<string, Actor>;
}

const StoryContext = createContext<StoryLookup | null>(null);

/** Makes the story's dateline and actors (by id) available to every component below, popups included. */
export interface StoryProviderProps {
  /** The dateline that relative dates are read against ("since 2011" runs to it). */
  dateline: string;
  actors: readonly Actor[];
  readInArticle?: (eventId: string) => void;
  children: ReactNode;
}

export function StoryProvider({ dateline, actors, readInArticle, children }: StoryProviderProps) {
  const value = useMemo(
    () => ({
      dateline,
      readInArticle,
      actorsById: new Map(actors.map((a) => [a.id, a])),
    }),
    [dateline, actors, readInArticle],
  );
  return <StoryContext.Provider value={value}>{children}</StoryContext.Provider>;
}

export function useStory(): StoryLookup {
  const value = useContext(StoryContext);
  if (!value) throw new Error("useStory() needs a <StoryProvider> above it");
  return value;
}
