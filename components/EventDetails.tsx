"use client";

import type { EventFeature } from "@/geo/join";
import { PLACE_ROLE_LABELS } from "@/geo/labels";
import { ActorChip } from "./ActorChip";
import { CopyLinkButton } from "./CopyLinkButton";
import { DateText } from "./DateText";
import { ProvenanceMark } from "./ProvenanceMark";
import { ReadInArticle } from "./ReadInArticle";
import { useStory } from "./StoryContext";

export interface EventDetailsProps {
  feature: EventFeature;
  focused: boolean;
  /** The title's heading level: 3 under a popup's or a page's h2, 4 where a story's h3 comes between. */
  headingLevel?: 3 | 4;
}

/** One event as a popup shows it: date, title, actors with roles, the article's words, and provenance. */
export function EventDetails({ feature, focused, headingLevel = 3 }: EventDetailsProps) {
  const { datelineOf, actorsById } = useStory();
  const p = feature.properties;
  const Title = headingLevel === 4 ? "h4" : "h3";
  return (
    <article
      className={focused ? "event-details focused" : "event-details"}
      data-popup-event={p.eventId}
      aria-current={focused || undefined}
    >
      <p className="event-date">
        <DateText date={p.date} dateline={datelineOf(p.story)} /> <ProvenanceMark provenance={p.dateProvenance} what="This date" />
      </p>
      <Title>{p.title}</Title>
      <ul className="actor-list" aria-label="Actors">
        {p.actorRoles.map(({ actor, role }) => {
          const known = actorsById.get(actor);
          return <li key={actor}>{known ? <ActorChip actor={known} role={role} /> : actor}</li>;
        })}
      </ul>
      <blockquote className="quote">
        <q>{p.quote}</q>
      </blockquote>
      {p.placeProvenance.kind === "context" && (
        <p className="place-context">
          {p.placeName} as {PLACE_ROLE_LABELS[p.placeRole]}: <ProvenanceMark provenance={p.placeProvenance} what="This place" />
        </p>
      )}
      <ProvenanceMark provenance={p.provenance} what="This event" />
      <p className="event-actions">
        <ReadInArticle eventId={p.eventId} storyId={p.story} />
        <CopyLinkButton path={`/events/${p.eventId}`} what={`the event “${p.title}”`} title={p.title} />
      </p>
    </article>
  );
}
