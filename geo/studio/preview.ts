/**
 * The story under review in the shape Dateline's own page draws (geo/story.ts's StoryBundle), so
 * that the studio's preview is the real map, popups, list and timeline. Only what would be saved
 * is shown: accepted events, with the places they resolve to.
 */
import { isContractDate } from "../dates";
import { joinEvents } from "../join";
import { actorSchema, placeFeatureSchema, type Actor, type PlaceFeature } from "../schema";
import type { StoryBundle } from "../story";
import { storyFiles } from "./files";
import type { StoryReview } from "./review";

/** A bundle for the preview; events whose date is not a contract date yet are left out until it is. */
export function previewBundle(review: StoryReview, places: readonly PlaceFeature[], actors: readonly Actor[]): StoryBundle {
  const { files } = storyFiles(review, { story: "story.json", events: "events.json" });
  // The editor's new places and actors as far as they are complete: a colour half typed is not drawn.
  const allPlaces = [...places, ...review.newPlaces.filter((p) => placeFeatureSchema.safeParse(p).success)];
  const allActors = [...actors, ...review.newActors.filter((a) => actorSchema.safeParse(a).success)];
  const events = files.events.filter((e) => isContractDate(e.date) && e.actors.length > 0);
  const features = joinEvents(
    events.map((e) => ({ ...e, story: files.story.id })),
    allPlaces,
  ).features;
  const placeIds = new Set(features.map((f) => f.properties.placeId));
  const actorIds = new Set(features.flatMap((f) => f.properties.actors));
  return {
    story: { ...files.story, dateline: isContractDate(files.story.dateline) ? files.story.dateline : "2000-01-01" },
    features,
    places: allPlaces.filter((p) => placeIds.has(p.id)),
    actors: allActors.filter((a) => actorIds.has(a.id)),
  };
}
