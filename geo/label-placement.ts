/**
 * Where the names go on what the map shows now: a label beside each marker where it fits, and the
 * basemap's city and country names in the room that is left. Placement is greedy by importance
 * against an R-tree of everything already placed, as map renderers do (Mapbox GL's collision
 * index), with one repair: a label that finds no room may move one placed label aside.
 *
 * It runs after every move of the map and on every resize, over the markers as spreadMarkers
 * (geo/layout.ts) drew them at that zoom: only a label wholly inside the map's visible box, off
 * its controls, is placed, so that no name is ever cut at the map's edge. Pure and fast (well
 * under a millisecond a move for the first story; `npx tsx tests/bench/labels.ts`).
 */
import RBush from "rbush";
import {
  basemapExtent,
  box,
  faceParts,
  LABEL_SIDES,
  markerLabelExtent,
  PLACE_DOT,
  type BasemapLabelInput,
  type BasemapLabelLayout,
  type Box,
  type Extent,
  type LabelSide,
  type MarkerInput,
  type Point,
  type SpreadMarker,
} from "./layout";

/**
 * Where a marker's label is: on a side of its face (as CSS draws that side), moved by `shift` (slid
 * along the face, or pushed further out), with a line of `leader` pixels back to the face when it
 * was pushed out.
 */
export interface LabelPlacement {
  side: LabelSide;
  shift: Point;
  leader: number;
}

export interface LabelOptions {
  /** The gap between a face and its label. */
  gap: number;
  /** Room kept free around every label. */
  padding: number;
  /** What the map shows, in the same pixels as the markers: a label is placed only inside it. */
  view: Box;
  /** Parts of the view covered by the map's controls (zoom buttons, attribution): no label goes there. */
  covered?: readonly Box[];
  /**
   * What the basemap's names keep off, and the markers' labels need not: a moved cluster's leader
   * line and the dot where its places are. The article's places are named first; a city's name
   * over a line would read as another place.
   */
  keepNamesOff?: readonly Box[];
}

export interface LabelLayout {
  /** Each marker's label, or null where there is no room for it in this view. */
  markers: Map<string, LabelPlacement | null>;
  basemap: BasemapLabelLayout[];
  /** The room the markers' labels and their leader lines take: what is drawn after them keeps off it. */
  markerBoxes: Box[];
}

/** How far a label pushed out from its marker goes at each step, and how many steps it may take. */
export const LEADER_STEP = 12;
const LEADER_STEPS = 3;
/** How far a label beside its marker slides up or down, still level with the disc. */
const SLIDE_BESIDE = 14;

const NO_SHIFT: Point = { x: 0, y: 0 };

/**
 * The places a marker's label may take, in the order tried: the eight sides of its face; then slid
 * along it (beside: up or down by SLIDE_BESIDE; over or under: to run from one end of the disc);
 * then pushed 1 to LEADER_STEPS steps out from each of the four sides, with a leader line, over
 * and under also slid.
 */
export function labelCandidates(m: MarkerInput): LabelPlacement[] {
  const candidates: LabelPlacement[] = LABEL_SIDES.map((side) => ({ side, shift: NO_SHIFT, leader: 0 }));
  const disc = m.disc ?? m.face;
  const along = Math.round(m.label.width / 2 - (disc.right - disc.left) / 2);
  for (const y of [-SLIDE_BESIDE, SLIDE_BESIDE]) {
    candidates.push({ side: "right", shift: { x: 0, y }, leader: 0 }, { side: "left", shift: { x: 0, y }, leader: 0 });
  }
  if (along >= 4) {
    for (const x of [along, -along]) {
      candidates.push({ side: "bottom", shift: { x, y: 0 }, leader: 0 }, { side: "top", shift: { x, y: 0 }, leader: 0 });
    }
  }
  for (let step = 1; step <= LEADER_STEPS; step++) {
    const out = step * LEADER_STEP;
    candidates.push(
      { side: "right", shift: { x: out, y: 0 }, leader: out },
      { side: "left", shift: { x: -out, y: 0 }, leader: out },
      { side: "bottom", shift: { x: 0, y: out }, leader: out },
      { side: "top", shift: { x: 0, y: -out }, leader: out },
    );
    // Over or under, slid to run from one end of the disc: a long name by the map's edge, or
    // stacked over a neighbour's, its line still drops straight onto the disc.
    if (along >= 4) {
      for (const x of [along, -along]) {
        candidates.push({ side: "top", shift: { x, y: -out }, leader: out }, { side: "bottom", shift: { x, y: out }, leader: out });
      }
    }
  }
  return candidates;
}

/** The label's box and, when it has one, its leader line's, around the marker's drawn centre. */
function candidateBoxes(m: MarkerInput, centre: Point, placement: LabelPlacement, gap: number, padding: number): Box[] {
  const { side, shift, leader } = placement;
  const base = markerLabelExtent(side, m, gap);
  const moved: Extent = { left: base.left + shift.x, right: base.right + shift.x, top: base.top + shift.y, bottom: base.bottom + shift.y };
  const label = box(centre, moved, padding);
  if (leader === 0) return [label];
  // The line runs from the label's inner edge back to the face, through the gap the push opened;
  // its box stops a pixel short of its own face, which it only touches.
  const reach = gap - 1;
  const line: Extent =
    side === "right"
      ? { left: base.left - reach, right: moved.left, top: -1, bottom: 1 }
      : side === "left"
        ? { left: moved.right, right: base.right + reach, top: -1, bottom: 1 }
        : side === "bottom"
          ? { left: -1, right: 1, top: base.top - reach, bottom: moved.top }
          : { left: -1, right: 1, top: moved.bottom, bottom: base.bottom + reach };
  return [label, box(centre, line)];
}

/** Markers in the order their labels are placed: the selected first, then by priority, then by id. */
function byImportance(a: MarkerInput, b: MarkerInput): number {
  return Number(b.selected ?? false) - Number(a.selected ?? false) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const inside = (b: Box, view: Box) => b.minX >= view.minX && b.maxX <= view.maxX && b.minY >= view.minY && b.maxY <= view.maxY;
const touches = (a: Box, b: Box) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;

/** An obstacle in the index: `owner` is the marker whose label it is, or -1 for what never moves. */
type Obstacle = Box & { owner: number };
const FIXED = -1;

/**
 * Each marker's label in this view, and the basemap names that fit around them. Labels never
 * cover a face, a control or one another, and never cross the view's edge; a marker whose label
 * finds no room shows none here (the popup and the list still name it), except the selected
 * place, whose label always shows. Basemap names fill the room that is left, most important first,
 * and are dropped where they would cross the edge.
 */
export function placeLabels(markers: readonly SpreadMarker[], basemap: readonly BasemapLabelInput[], options: LabelOptions): LabelLayout {
  const { gap, padding, view, covered = [], keepNamesOff = [] } = options;
  const index = new RBush<Obstacle>();
  const centres = markers.map((m) => ({ x: m.point.x + m.offset.x, y: m.point.y + m.offset.y }));
  // Every face, the true position's dot of a moved one, and the controls are there before any label.
  index.load(
    [
      ...markers.flatMap((m, i) => {
        const parts = faceParts(m, centres[i]!);
        const moved = Math.hypot(m.offset.x, m.offset.y) > 1;
        return moved ? [...parts, box(m.point, PLACE_DOT)] : parts;
      }),
      ...covered,
    ].map((b) => ({ ...b, owner: FIXED })),
  );

  const candidates = markers.map((m) => labelCandidates(m));
  const boxesOf = (i: number, placement: LabelPlacement) => candidateBoxes(markers[i]!, centres[i]!, placement, gap, padding);
  const fits = (boxes: Box[]) => inside(boxes[0]!, view) && boxes.every((b) => !index.collides(b));
  const chosen = new Map<number, { placement: LabelPlacement; items: Obstacle[] }>();
  const place = (i: number, placement: LabelPlacement, boxes: Box[]) => {
    const items = boxes.map((b) => ({ ...b, owner: i }));
    for (const item of items) index.insert(item);
    chosen.set(i, { placement, items });
  };

  /** Makes room for marker i's label by moving one placed label to another of its places. */
  const repair = (i: number): boolean => {
    for (const placement of candidates[i]!) {
      const boxes = boxesOf(i, placement);
      if (!inside(boxes[0]!, view)) continue;
      const owners = new Set(boxes.flatMap((b) => index.search(b).map((hit) => hit.owner)));
      const [j] = owners;
      if (owners.size !== 1 || j === undefined || j === FIXED) continue;
      const before = chosen.get(j)!;
      for (const item of before.items) index.remove(item);
      for (const other of candidates[j]!) {
        if (other === before.placement) continue;
        const otherBoxes = boxesOf(j, other);
        if (!fits(otherBoxes) || otherBoxes.some((a) => boxes.some((b) => touches(a, b)))) continue;
        place(j, other, otherBoxes);
        place(i, placement, boxes);
        return true;
      }
      for (const item of before.items) index.insert(item);
    }
    return false;
  };

  const order = markers.map((m, i) => ({ m, i })).sort((a, b) => byImportance(a.m, b.m));
  for (const { m, i } of order) {
    const options = candidates[i]!.map((placement) => ({ placement, boxes: boxesOf(i, placement) }));
    const free = options.find(({ boxes }) => fits(boxes));
    if (free) place(i, free.placement, free.boxes);
    else if (repair(i)) continue;
    else if (m.selected) {
      // The selected place is named whatever it covers (the reader asked for it), inside the view if it can be.
      const fallback = options.find(({ boxes }) => inside(boxes[0]!, view)) ?? options[0]!;
      place(i, fallback.placement, fallback.boxes);
    }
  }

  const basemapLayouts: BasemapLabelLayout[] = [];
  index.load(keepNamesOff.map((b) => ({ ...b, owner: FIXED })));
  for (const label of [...basemap].sort((a, b) => a.rank - b.rank)) {
    const sides = label.dot ? (["right", "left"] as const) : (["center"] as const);
    for (const side of sides) {
      const candidate = box(label.point, basemapExtent(label, side), padding);
      if (!inside(candidate, view) || index.collides(candidate)) continue;
      index.insert({ ...candidate, owner: FIXED });
      basemapLayouts.push({ id: label.id, side });
      break;
    }
  }
  return {
    markers: new Map(markers.map((m, i) => [m.id, chosen.get(i)?.placement ?? null])),
    basemap: basemapLayouts,
    markerBoxes: [...chosen.values()].flatMap(({ items }) => items.map(({ minX, minY, maxX, maxY }) => ({ minX, minY, maxX, maxY }))),
  };
}
