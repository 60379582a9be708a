"use client";

import type { EventFeature } from "@/geo/join";
import { PLACE_ROLE_LABELS } from "@/geo/labels";
import { ActorChip } from "./ActorChip";
import { CopyLinkButton } from "./CopyLinkButton";
import { DateText } from "./DateText";
import { ProvenanceMark } from "./ProvenanceMark";
import { ReadInArticle } from "./ReadInArticle";
import { useStory } from "./StoryContext";

/** One event as a popup shows it: date, title, actors with roles, the article's words, and provenance. */
export function EventDetails({ feature, focused }: { feature: EventFeature; focused: boolean }) {
  const { dateline, actorsById } = useStory();
  const p = feature.properties;
  return (
    <article
      className={focused ? "event-details focused" : "event-details"}
      data-popup-event={p.eventId}
      aria-current={focused || undefined}
    >
      <p className="event-date">
        <DateText date={p.date} dateline={dateline} /> <ProvenanceMark provenance={p.dateProvenance} what="This date" />
      </p>
      <h3>{p.title}</h3>
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
        <ReadInArticle eventId={p.eventId} />
        <CopyLinkButton path={`/events/${p.eventId}`} what={`the event “${p.title}”`} title={p.title} />
      </p>
    </article>
  );
}
