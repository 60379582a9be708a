import L from "leaflet";
import { textColorOn } from "@/geo/colors";
import type { Extent, LabelSide, Point } from "@/geo/layout";
import type { Actor, PlaceFeature } from "@/geo/schema";

/** The disc is 32 px: a touch target well over WCAG's 24 px. */
export const FACE_SIZE = 32;
const HALF = FACE_SIZE / 2;
/** The actor marks sit under the disc, each about 22 px wide. */
const MARKS_TOP = 35;
const MARKS_HEIGHT = 14;
const MARK_WIDTH = 24;
/**
 * At most this many marks under a disc: a place in a story of thousands of events can have a
 * dozen actors, whose row would run across its neighbours. Past it, the first ones and "+N".
 */
const MAX_MARKS = 4;

/** The marks a face shows: every actor, or the first MAX_MARKS - 1 and how many more there are. */
export function shownMarks(actors: readonly Actor[]): { shown: readonly Actor[]; more: number } {
  if (actors.length <= MAX_MARKS) return { shown: actors, more: 0 };
  return { shown: actors.slice(0, MAX_MARKS - 1), more: actors.length - (MAX_MARKS - 1) };
}

export interface FaceContent {
  place: PlaceFeature;
  eventCount: number;
  actors: readonly Actor[];
  contextOnly: boolean;
}

/** The disc alone, around the marker's centre: what a label beside or above the marker sits by. */
export const DISC_EXTENT: Extent = { left: -HALF, right: HALF, top: -HALF, bottom: HALF };

/** The box the face covers around the marker's centre, for the layout: the disc and the marks. */
export function faceExtent(actorCount: number): Extent {
  const half = Math.max(HALF, (Math.min(actorCount, MAX_MARKS) * MARK_WIDTH) / 2);
  return { left: -half, right: half, top: -HALF, bottom: actorCount > 0 ? MARKS_TOP + MARKS_HEIGHT - HALF : HALF };
}

/**
 * The marker's accessible name: the place's name, which is the marker's visible label (WCAG 2.5.3:
 * a speech user says what they see), then what its badge shows, in words.
 * @example "Damascus, 5 events: Syrian rebels (RB), Syrian government (SY), Russia (RU)"
 */
export function markerName({ place, eventCount, actors }: Omit<FaceContent, "contextOnly">): string {
  const events = `${eventCount} event${eventCount === 1 ? "" : "s"}`;
  const named = (list: readonly Actor[]) => list.map((a) => `${a.name} (${a.abbreviation})`).join(", ");
  const { shown, more } = shownMarks(actors);
  const who = more > 0 ? `${named(shown)}, and ${more} more (+${more}): ${named(actors.slice(shown.length))}` : named(actors);
  return who ? `${place.properties.name}, ${events}: ${who}` : `${place.properties.name}, ${events}`;
}

/** An actor's two-letter mark in its colour, as markers and clusters draw it (text from `data-mark`, by CSS). */
export function actorMark(actor: Actor): HTMLElement {
  const swatch = document.createElement("span");
  swatch.className = "actor-swatch";
  swatch.style.background = actor.color;
  swatch.style.color = textColorOn(actor.color);
  swatch.dataset.mark = actor.abbreviation;
  return swatch;
}

/**
 * Fills a marker's element with its name label, actor marks and count, with DOM calls and
 * `textContent`, never an HTML string (data text must not be parsed as HTML). The element itself
 * is kept, so a marker that holds the keyboard focus keeps it when its content changes.
 *
 * The name is the marker's text label. The count and the marks are a badge, drawn by CSS from
 * `data-count` and `data-mark` and said in words in the accessible name: as text they would be
 * read run together with the name ("DamascusRBSY5"), and a badge clipped at the map's edge would
 * leave a visible text that no longer matches the name.
 */
export function renderFace(element: HTMLElement, content: FaceContent) {
  const { place, eventCount, actors, contextOnly } = content;
  element.dataset.place = place.id;
  element.setAttribute("aria-label", markerName(content));

  const label = document.createElement("span");
  label.className = "place-label";
  label.textContent = place.properties.name;

  const face = document.createElement("div");
  face.className = [
    "place-marker",
    place.properties.precision === "exact" ? "is-exact" : "is-approximate",
    contextOnly ? "is-context" : "",
  ].join(" ");
  const marks = document.createElement("span");
  marks.className = "place-marker-actors";
  const { shown, more } = shownMarks(actors);
  marks.append(...shown.map(actorMark));
  if (more > 0) {
    const rest = document.createElement("span");
    rest.className = "actor-swatch is-more";
    rest.dataset.mark = `+${more}`;
    marks.append(rest);
  }
  const count = document.createElement("span");
  count.className = "place-marker-count";
  count.dataset.count = String(eventCount);
  face.append(marks, count);

  const side = element.querySelector<HTMLElement>(".place-label")?.dataset.side;
  if (side) label.dataset.side = side;
  else label.hidden = true;
  element.replaceChildren(label, face);
}

/**
 * Moves a face away from its place (the layout pushes crowded markers apart; a leader line drawn
 * in CSS from `--dx`/`--dy` joins it to its true position) and puts its label on the given side.
 * Leaflet positions icons with `transform` and sets their margins only when it builds them, so the
 * margins are free for the offset.
 */
export function applyLayout(element: HTMLElement, offset: Point, side: LabelSide | null) {
  const displaced = Math.hypot(offset.x, offset.y) > 1;
  element.style.marginLeft = `${offset.x - HALF}px`;
  element.style.marginTop = `${offset.y - HALF}px`;
  element.classList.toggle("is-displaced", displaced);
  element.style.setProperty("--dx", `${offset.x}px`);
  element.style.setProperty("--dy", `${offset.y}px`);
  element.style.setProperty("--leader-length", `${Math.hypot(offset.x, offset.y)}px`);
  element.style.setProperty("--leader-angle", `${Math.atan2(offset.y, offset.x)}rad`);
  const label = element.querySelector<HTMLElement>(".place-label");
  if (!label) return;
  label.hidden = side === null;
  if (side) label.dataset.side = side;
}

/**
 * One icon per marker for its whole life: its element is filled by `renderFace` and laid out by
 * `applyLayout`, never rebuilt, so focus and the label's place survive every change of content.
 */
export function placeIcon(): L.DivIcon {
  return L.divIcon({
    className: "place-marker-icon",
    iconSize: [FACE_SIZE, FACE_SIZE],
    iconAnchor: [HALF, HALF],
    popupAnchor: [0, -HALF],
  });
}
