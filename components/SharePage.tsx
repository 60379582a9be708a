import Link from "next/link";
import type { ReactNode } from "react";
import type { EventFeature } from "@/geo/join";
import type { Actor, PlaceFeature, Story } from "@/geo/schema";
import type { TileSetting } from "@/geo/tiles";
import { Byline } from "./Byline";
import { EventDetails } from "./EventDetails";
import { FocusedMap } from "./FocusedMap";
import { firstViewOf } from "./map/FirstView";
import { StoryProvider, type StoryLink } from "./StoryContext";

/** One story's events on a share page, with the address of that story's map focused on them. */
export interface ShareGroup {
  story: Pick<Story, "id" | "title" | "source" | "dateline">;
  /** The story's map page (`/` or `/stories/<id>`), with no query. */
  storyPath: string;
  /** The story's map focused on what the page is about (`/stories/<id>?place=damascus`). */
  mapHref: string;
  /** In date order. */
  features: readonly EventFeature[];
}

export interface SharePageProps {
  kicker: string;
  title: string;
  intro: ReactNode;
  /** The events the page is about, by story, newest story first; they are its text, readable without JavaScript. */
  groups: readonly ShareGroup[];
  /** Head each story's events with the story: a place's page gathers events from several. Otherwise one line names the story. */
  headStories?: boolean;
  focusEvent?: string;
  /** The map's content: the stories around the focused place. */
  map: { places: readonly PlaceFeature[]; features: readonly EventFeature[]; focusPlace: string; tiles: TileSetting };
  actors: readonly Actor[];
  fullMapHref: string;
  jsonLd: string;
}

/** Each event once, though it has a feature per place. */
function uniqueEvents(features: readonly EventFeature[]): EventFeature[] {
  const seen = new Set<string>();
  return features.filter((f) => !seen.has(f.properties.eventId) && seen.add(f.properties.eventId));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A share page: its title, the map focused on what it is about, then the facts as text (readable
 * without JavaScript). On a wide screen the text is a column beside the map.
 */
export function SharePage(props: SharePageProps) {
  const { map, groups } = props;
  const stories = Object.fromEntries(
    groups.map((g): [string, StoryLink] => [g.story.id, { dateline: g.story.dateline, path: g.storyPath }]),
  );
  const eventCount = groups.reduce((sum, g) => sum + uniqueEvents(g.features).length, 0);
  return (
    <StoryProvider dateline={groups[0]?.story.dateline ?? ""} actors={props.actors} stories={stories}>
      {/* JSON escaped by jsonLdText: no text from the data can close this tag. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: props.jsonLd }} />
      <main className="share">
        <header className="share-head">
          <p className="brand">
            <Link href="/">Dateline</Link>
          </p>
          <p className="share-kicker">{props.kicker}</p>
          <h1>{props.title}</h1>
        </header>
        {/* Under the title, before the text: on a phone the map is what a shared link shows first. */}
        <section className="share-map" aria-label="Map">
          <FocusedMap
            places={map.places}
            features={map.features}
            focusPlace={map.focusPlace}
            focusEvent={props.focusEvent}
            tiles={map.tiles}
            firstView={firstViewOf({
              bundle: { places: map.places, features: map.features, actors: props.actors },
              focus: { place: map.focusPlace, event: props.focusEvent },
            })}
          />
        </section>
        <div className="share-text">
          <div className="share-intro">{props.intro}</div>
          {!props.headStories && groups[0] && (
            <p className="share-from-story">
              From the story <Link href={groups[0].storyPath}>{groups[0].story.title}</Link> (
              <Byline story={groups[0].story} as="span" />)
            </p>
          )}
          <p>
            <Link className="button-link" href={props.fullMapHref}>
              Open in the full map
            </Link>
          </p>
          <section aria-labelledby="share-events-heading">
            <h2 id="share-events-heading" className="share-events-heading">
              {eventCount === 1 ? "The event" : `The events (${eventCount})`}
              {props.headStories && groups.length > 1 && ` in ${plural(groups.length, "story", "stories")}`}
            </h2>
            {groups.map((group) => (
              <div key={group.story.id} className="share-story" data-story={group.story.id}>
                {props.headStories && (
                  <header className="share-story-header">
                    <h3 className="share-story-title">
                      <Link href={group.storyPath}>{group.story.title}</Link>
                    </h3>
                    <Byline story={group.story} className="share-story-byline" />
                    <p className="share-story-actions">
                      <Link href={group.mapHref}>Open in this story&apos;s map</Link>
                    </p>
                  </header>
                )}
                {uniqueEvents(group.features).map((feature) => (
                  <EventDetails
                    key={feature.id}
                    feature={feature}
                    focused={feature.properties.eventId === props.focusEvent}
                    headingLevel={props.headStories ? 4 : 3}
                  />
                ))}
              </div>
            ))}
          </section>
        </div>
      </main>
    </StoryProvider>
  );
}
