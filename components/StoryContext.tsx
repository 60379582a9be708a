"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Actor, PlaceFeature } from "@/geo/schema";
import type { StoryBundle } from "@/geo/story";

interface StoryLookup {
  dateline: string;
  actorsById: ReadonlyMap<string, Actor>;
  placesById: ReadonlyMap<string, PlaceFeature>;
}

const StoryContext = createContext<StoryLookup | null>(null);

/** Makes the story's actors and places available by id to every component below, popups included. */
export function StoryProvider({ bundle, children }: { bundle: StoryBundle; children: ReactNode }) {
  const value = useMemo(
    () => ({
      dateline: bundle.story.dateline,
      actorsById: new Map(bundle.actors.map((a) => [a.id, a])),
      placesById: new Map(bundle.places.map((p) => [p.id, p])),
    }),
    [bundle],
  );
  return <StoryContext.Provider value={value}>{children}</StoryContext.Provider>;
}

export function useStory(): StoryLookup {
  const value = useContext(StoryContext);
  if (!value) throw new Error("useStory() needs a <StoryProvider> above it");
  return value;
}
