import { currentDataset, json } from "@/app/_server/studio";

/** What the editor needs of the data folder: the places and actors to choose from, and the ids taken. */
export function GET() {
  const { places, actors, stories, events } = currentDataset();
  return json({
    places,
    actors,
    storyIds: stories.map((s) => s.id),
    eventIds: events.map((e) => e.id),
    frontPage: stories.find((s) => s.frontPage)?.id ?? null,
  });
}
