/**
 * The studio's files as text a reviewer reads in a diff: two-space JSON, keys in the order the
 * data folder's hand-written files use (the order the schema lists them), one actor per line in
 * actors.json as there, a newline at the end. The same record always gives the same bytes.
 */
import type { Actor, PlaceFeature, Provenance, Story, StoryEvent } from "../schema";

function provenanceJson(provenance: Provenance): Provenance {
  return provenance.kind === "article" ? { kind: "article" } : { kind: "context", citation: { ...provenance.citation } };
}

/** A story.json record, keys in the data's order. */
export function storyJson(story: Story & { sourceNote?: string }): Record<string, unknown> {
  const { id, title, dateline, source, sourceNote, frontPage, text } = story;
  return { id, title, dateline, source, ...(sourceNote ? { sourceNote } : {}), frontPage, text };
}

/** An event record, keys in the data's order; a place of the article's own omits its default provenance. */
export function eventJson(event: StoryEvent): Record<string, unknown> {
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    date: event.date,
    ...(event.dateProvenance ? { dateProvenance: provenanceJson(event.dateProvenance) } : {}),
    actors: event.actors.map(({ actor, role }) => ({ actor, role })),
    places: event.places.map(({ place, role, provenance }) =>
      provenance.kind === "article" ? { place, role } : { place, role, provenance: provenanceJson(provenance) },
    ),
    quote: { start: event.quote.start, end: event.quote.end, text: event.quote.text },
    provenance: provenanceJson(event.provenance),
  };
}

/** A place feature, keys in places.geojson's order. */
export function placeJson(place: PlaceFeature): Record<string, unknown> {
  const p = place.properties;
  return {
    type: "Feature",
    id: place.id,
    geometry: { type: "Point", coordinates: [place.geometry.coordinates[0], place.geometry.coordinates[1]] },
    properties: {
      name: p.name,
      kind: p.kind,
      country: p.country,
      aliases: [...p.aliases],
      precision: p.precision,
      coordinatesSource: p.coordinatesSource,
      ...(p.outline ? { outline: { ...p.outline } } : {}),
    },
  };
}

/** An actor record, keys in actors.json's order. */
export function actorJson(actor: Actor): Record<string, unknown> {
  const { id, name, abbreviation, color, description } = actor;
  return { id, name, abbreviation, color, description };
}

/** JSON as the data folder writes it: two spaces, newline at the end. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** actors.json as the data folder writes it: one actor (a flat record) per line. */
export function actorsFileText(actors: readonly Record<string, unknown>[]): string {
  const line = (actor: Record<string, unknown>) =>
    `    { ${Object.entries(actor)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(", ")} }`;
  return `{\n  "actors": [\n${actors.map(line).join(",\n")}\n  ]\n}\n`;
}
