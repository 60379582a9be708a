import Link from "next/link";
import type { ReactNode } from "react";
import type { EventFeature } from "@/geo/join";
import type { Actor, PlaceFeature } from "@/geo/schema";
import type { TileSetting } from "@/geo/tiles";
import { EventDetails } from "./EventDetails";
import { FocusedMap } from "./FocusedMap";
import { StoryProvider } from "./StoryContext";

export interface SharePageProps {
  kicker: string;
  title: string;
  intro: ReactNode;
  /** The events the page is about, in date order; they are its text, readable without JavaScript. */
  events: readonly EventFeature[];
  focusEvent?: string;
  /** The map's content: the story around the focused place. */
  map: { places: readonly PlaceFeature[]; features: readonly EventFeature[]; focusPlace: string; tiles: TileSetting };
  actors: readonly Actor[];
  dateline: string;
  fullMapHref: string;
  jsonLd: string;
  /** This request's CSP nonce, for the JSON-LD script. */
  nonce?: string;
}

/** A share page: the facts as text first, then the same map focused on them. */
export function SharePage(props: SharePageProps) {
  const { map } = props;
  const seen = new Set<string>();
  const events = props.events.filter((f) => !seen.has(f.properties.eventId) && seen.add(f.properties.eventId));
  return (
    <StoryProvider dateline={props.dateline} actors={props.actors}>
      {/* JSON escaped by jsonLdText: no text from the data can close this tag. */}
      <script type="application/ld+json" nonce={props.nonce} dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
      <div className="share">
        <main className="share-text">
          <p className="brand">
            <Link href="/">Dateline</Link>
          </p>
          <p className="share-kicker">{props.kicker}</p>
          <h1>{props.title}</h1>
          <div className="share-intro">{props.intro}</div>
          <p>
            <Link className="button-link" href={props.fullMapHref}>
              Open in the full map
            </Link>
          </p>
          <section aria-labelledby="share-events-heading">
            <h2 id="share-events-heading" className="share-events-heading">
              {events.length === 1 ? "The event" : `The events (${events.length})`}
            </h2>
            {events.map((feature) => (
              <EventDetails key={feature.id} feature={feature} focused={feature.properties.eventId === props.focusEvent} />
            ))}
          </section>
        </main>
        <section className="share-map" aria-label="Map">
          <FocusedMap
            places={map.places}
            features={map.features}
            focusPlace={map.focusPlace}
            focusEvent={props.focusEvent}
            tiles={map.tiles}
          />
        </section>
      </div>
    </StoryProvider>
  );
}
