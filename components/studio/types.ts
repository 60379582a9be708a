import type { Actor, PlaceFeature } from "@/geo/schema";
import type { ReviewAction } from "@/geo/studio/edit";

/** What the editor knows of the data folder (GET /api/studio/dataset). */
export interface StudioData {
  places: PlaceFeature[];
  actors: Actor[];
  storyIds: string[];
  eventIds: string[];
  frontPage: string | null;
}

export type Dispatch = (action: ReviewAction) => void;
