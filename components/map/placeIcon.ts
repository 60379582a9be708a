import L from "leaflet";
import { textColorOn } from "@/geo/colors";
import type { LabelPlacement } from "@/geo/label-placement";
import type { Point } from "@/geo/layout";
import { FACE_SIZE, HALF } from "./faceGeometry";
import type { Actor } from "@/geo/schema";
import { markerName, shownMarks, type FaceContent } from "./markerText";

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
  element.setAttribute("aria-label", markerName(content));

  // The label keeps where applyLayout put it; a new one stays hidden until it is laid out.
  let label = element.querySelector<HTMLElement>(".place-label");
  if (!label) {
    label = document.createElement("span");
    label.className = "place-label";
    label.hidden = true;
  }
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

  element.replaceChildren(label, face);
}

/**
 * Draws an icon `offset` px from its place, with the leader line and dot back to it that CSS draws
 * from `--dx`, `--dy`, `--leader-length` and `--leader-angle` once the icon `is-displaced`. `half`
 * is half the icon's size: Leaflet centres an icon by its margins only when it builds it, and
 * these margins keep it centred on its offset place.
 */
export function setLeader(element: HTMLElement, offset: Point, half: number) {
  element.style.marginLeft = `${offset.x - half}px`;
  element.style.marginTop = `${offset.y - half}px`;
  element.classList.toggle("is-displaced", Math.hypot(offset.x, offset.y) > 1);
  element.style.setProperty("--dx", `${offset.x}px`);
  element.style.setProperty("--dy", `${offset.y}px`);
  element.style.setProperty("--leader-length", `${Math.hypot(offset.x, offset.y)}px`);
  element.style.setProperty("--leader-angle", `${Math.atan2(offset.y, offset.x)}rad`);
}

/**
 * Moves a face away from its place (the layout pushes crowded markers apart; a leader line drawn
 * in CSS from `--dx`/`--dy` joins it to its true position) and puts its label where the layout
 * placed it: on a side (`data-side`, as CSS draws it), moved by `--label-x`/`--label-y`, with a
 * line of `--leader` back to the face when it was pushed out. Leaflet positions icons with
 * `transform` and sets their margins only when it builds them, so the margins are free for the offset.
 */
export function applyLayout(element: HTMLElement, offset: Point, placement: LabelPlacement | null) {
  setLeader(element, offset, HALF);
  const label = element.querySelector<HTMLElement>(".place-label");
  if (!label) return;
  label.hidden = placement === null;
  if (!placement) return;
  label.dataset.side = placement.side;
  label.style.setProperty("--label-x", `${placement.shift.x}px`);
  label.style.setProperty("--label-y", `${placement.shift.y}px`);
  label.style.setProperty("--leader", `${placement.leader}px`);
  label.toggleAttribute("data-leader", placement.leader > 0);
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
