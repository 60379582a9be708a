/**
 * Lays out the story's markers in screen pixels at one zoom: pushed apart so none hides another.
 * Where their names go is geo/label-placement.ts, which runs after every move, against what the
 * map shows; this runs once per zoom, so that a pan never moves a marker.
 *
 * Pure: pixel positions in (the map's projection at a zoom), offsets out. Overlapping pairs are
 * found through a k-d tree and an R-tree, not by comparing every pair.
 */
import KDBush from "kdbush";
import RBush from "rbush";

export interface Point {
  x: number;
  y: number;
}

/** A box relative to a point, in pixels: `left` and `top` are usually negative. */
export interface Extent {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a marker's label may go, in the order tried: beside, under or over the marker, then at
 * its corners, where a crowd of neighbours often leaves room that no side has.
 */
export const LABEL_SIDES = ["right", "left", "bottom", "top", "top-right", "bottom-right", "top-left", "bottom-left"] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];

export interface MarkerInput {
  id: string;
  /** Where the marker's place is, in pixels at the zoom being laid out. */
  point: Point;
  /** The marker's face around its centre: the disc and the actor marks under it. */
  face: Extent;
  /**
   * The disc alone, where the face is more than its disc (a row of marks under it, often wider):
   * a label beside or above the marker sits by the disc, as it is drawn, and the room beside the
   * disc over the marks is free for a neighbour's label. Without it the face is one box.
   */
  disc?: Extent;
  /** The size of the name label's box. */
  label: { width: number; height: number };
  /** Higher keeps its label first when two compete for room. */
  priority: number;
  /** A selected place's label always shows. */
  selected?: boolean;
}

export interface BasemapLabelInput {
  id: string;
  point: Point;
  width: number;
  height: number;
  /** Lower is more important and is placed first. */
  rank: number;
  /** A city has a dot at its point and its name beside it; a country's name is centred on its point. */
  dot: boolean;
}

export interface BasemapLabelLayout {
  id: string;
  /** Which side of its dot a city's name is on; `center` for a country. */
  side: "right" | "left" | "center";
}

export interface SpreadOptions {
  /** Markers' centres are pushed at least this far apart. */
  minDistance: number;
  /** Faces (a disc and the marks under it) are kept at least twice this far apart. */
  padding: number;
  /** Rounds of pushing markers apart, at most. */
  iterations?: number;
}

/** A marker as drawn at one zoom: how far its face is moved from its place so that it covers no other. */
export interface SpreadMarker extends MarkerInput {
  offset: Point;
}

/** A box in pixels. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Offsets that leave every pair of points at least `minDistance` apart, found by repeatedly
 * pushing overlapping pairs apart along the line between them (coincident points are fanned out
 * by index). Each round finds the close pairs through a k-d tree, so a round costs n log n rather
 * than n². Stops after `iterations` rounds even if some overlap remains.
 */
export function dodgeOffsets(points: readonly Point[], minDistance: number, iterations = 30): Point[] {
  const offsets = points.map(() => ({ x: 0, y: 0 }));
  if (points.length < 2) return offsets;
  const at = (i: number) => ({ x: points[i]!.x + offsets[i]!.x, y: points[i]!.y + offsets[i]!.y });
  for (let round = 0; round < iterations; round++) {
    const index = new KDBush(points.length);
    for (let i = 0; i < points.length; i++) {
      const { x, y } = at(i);
      index.add(x, y);
    }
    index.finish();
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      const a = at(i);
      for (const j of index.within(a.x, a.y, minDistance)) {
        if (j <= i) continue;
        const b = at(j);
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let distance = Math.hypot(dx, dy);
        if (distance >= minDistance) continue;
        if (distance < 1e-6) {
          const angle = (j * 2 * Math.PI) / points.length;
          [dx, dy, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (minDistance - distance) / 2 + 0.5;
        const [oa, ob] = [offsets[i]!, offsets[j]!];
        oa.x -= (dx / distance) * push;
        oa.y -= (dy / distance) * push;
        ob.x += (dx / distance) * push;
        ob.y += (dy / distance) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return offsets;
}

export function box(point: Point, extent: Extent, padding = 0): Box {
  return {
    minX: point.x + extent.left - padding,
    minY: point.y + extent.top - padding,
    maxX: point.x + extent.right + padding,
    maxY: point.y + extent.bottom + padding,
  };
}

/** Where a label of this size sits on each side of a face, relative to the face's centre. */
export function labelExtent(side: LabelSide, face: Extent, label: { width: number; height: number }, gap: number): Extent {
  const { width, height } = label;
  switch (side) {
    case "right":
      return { left: face.right + gap, right: face.right + gap + width, top: -height / 2, bottom: height / 2 };
    case "left":
      return { left: face.left - gap - width, right: face.left - gap, top: -height / 2, bottom: height / 2 };
    case "bottom":
      return { left: -width / 2, right: width / 2, top: face.bottom + gap, bottom: face.bottom + gap + height };
    case "top":
      return { left: -width / 2, right: width / 2, top: face.top - gap - height, bottom: face.top - gap };
    case "top-right":
      return { left: face.right + gap, right: face.right + gap + width, top: face.top - gap - height, bottom: face.top - gap };
    case "bottom-right":
      return { left: face.right + gap, right: face.right + gap + width, top: face.bottom + gap, bottom: face.bottom + gap + height };
    case "top-left":
      return { left: face.left - gap - width, right: face.left - gap, top: face.top - gap - height, bottom: face.top - gap };
    case "bottom-left":
      return { left: face.left - gap - width, right: face.left - gap, top: face.bottom + gap, bottom: face.bottom + gap + height };
  }
}

/** The boxes a marker's face covers: its disc and the row of marks under it, or its face as one box. */
export function faceParts(m: MarkerInput, centre: Point): Box[] {
  if (!m.disc) return [box(centre, m.face)];
  const marks = { left: m.face.left, right: m.face.right, top: m.disc.bottom, bottom: m.face.bottom };
  return marks.bottom > marks.top ? [box(centre, m.disc), box(centre, marks)] : [box(centre, m.disc)];
}

/**
 * Where a marker's label goes on a side: beside or above its disc, and under the whole face (below
 * the marks), as app/globals.css draws it.
 */
export function markerLabelExtent(side: LabelSide, m: MarkerInput, gap: number): Extent {
  const disc = m.disc ?? m.face;
  return labelExtent(side, { ...disc, bottom: m.face.bottom }, m.label, gap);
}

/** A city's name beside its dot, or a country's name centred on its point. */
export function basemapExtent(label: BasemapLabelInput, side: BasemapLabelLayout["side"]): Extent {
  const { width, height } = label;
  const dotGap = 6;
  if (side === "center") return { left: -width / 2, right: width / 2, top: -height / 2, bottom: height / 2 };
  if (side === "right") return { left: -3, right: dotGap + width, top: -height / 2, bottom: height / 2 };
  return { left: -dotGap - width, right: 3, top: -height / 2, bottom: height / 2 };
}

/**
 * Further offsets that leave no two faces' boxes (a disc and the row of actor marks under it)
 * closer than `gap`: the first pass pushes discs apart, but a wide row of marks can still reach
 * a neighbour's disc. Each overlapping pair is pushed apart along the axis where it overlaps
 * least, half each; the pairs are found through an R-tree of the boxes.
 */
export function separateFaces(
  centres: readonly Point[],
  faces: readonly Extent[],
  gap: number,
  iterations = 30,
  /** How many of the first faces stay where they are: the others move off them, the whole overlap. */
  fixedCount = 0,
): Point[] {
  const offsets = centres.map(() => ({ x: 0, y: 0 }));
  const boxAt = (i: number) => box({ x: centres[i]!.x + offsets[i]!.x, y: centres[i]!.y + offsets[i]!.y }, faces[i]!, gap / 2);
  for (let round = 0; round < iterations; round++) {
    const index = new RBush<Box & { i: number }>();
    index.load(centres.map((_, i) => ({ ...boxAt(i), i })));
    let moved = false;
    for (let i = 0; i < centres.length; i++) {
      const a = boxAt(i);
      for (const { i: j } of index.search(a)) {
        if (j <= i || j < fixedCount) continue;
        const b = boxAt(j);
        const overlapX = Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX);
        const overlapY = Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY);
        if (overlapX <= 0 || overlapY <= 0) continue;
        const [oa, ob] = [offsets[i]!, offsets[j]!];
        const alongX = overlapX < overlapY;
        const delta = alongX ? b.minX + b.maxX - (a.minX + a.maxX) : b.minY + b.maxY - (a.minY + a.maxY);
        const direction = delta < 0 ? -1 : 1; // coincident boxes: the later one goes right or down
        const push = ((alongX ? overlapX : overlapY) / 2 + 0.5) * direction;
        // Half each, or all of it for the one that may move.
        const [pa, pb] = i < fixedCount ? [0, 2 * push] : [push, push];
        if (alongX) [oa.x, ob.x] = [oa.x - pa, ob.x + pb];
        else [oa.y, ob.y] = [oa.y - pa, ob.y + pb];
        moved = true;
      }
    }
    if (!moved) break;
  }
  return offsets;
}

/**
 * Where each marker's face is drawn at one zoom: discs pushed apart (a k-d tree finds the close
 * pairs), then whole faces, whose row of actor marks can be wider than the disc. Depends on the
 * zoom only, not on where the map is panned: run it once per zoom.
 */
export function spreadMarkers(markers: readonly MarkerInput[], options: SpreadOptions): SpreadMarker[] {
  const { minDistance, padding, iterations } = options;
  const discOffsets = dodgeOffsets(
    markers.map((m) => m.point),
    minDistance,
    iterations,
  );
  const afterDiscs = markers.map((m, i) => ({ x: m.point.x + discOffsets[i]!.x, y: m.point.y + discOffsets[i]!.y }));
  const faceOffsets = separateFaces(
    afterDiscs,
    markers.map((m) => m.face),
    padding * 2,
    iterations,
  );
  return markers.map((m, i) => ({ ...m, offset: { x: discOffsets[i]!.x + faceOffsets[i]!.x, y: discOffsets[i]!.y + faceOffsets[i]!.y } }));
}

/** The dot drawn where a moved face's (or cluster's) places are, at the end of its leader line (12 px in app/globals.css). */
export const PLACE_DOT: Extent = { left: -6, top: -6, right: 6, bottom: 6 };

/** A cluster of the crowd as drawn at one zoom: where it is, and its disc and marks around it. */
export interface ClusterInput {
  id: string;
  point: Point;
  face: Extent;
}

/** A box as a point and the extent around it, as faces are given. */
function asFace({ minX, minY, maxX, maxY }: Box): { centre: Point; face: Extent } {
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  return { centre, face: { left: minX - centre.x, right: maxX - centre.x, top: minY - centre.y, bottom: maxY - centre.y } };
}

/**
 * How far each cluster is moved so that it covers none of the markers (laid out by
 * `spreadMarkers`, which stay where they are), nothing in `keepOff` (the markers' labels) and no
 * other cluster: the story's own places keep their markers and names among the crowd's clusters,
 * which gather round them wherever the crowd is dense.
 */
export function clearClusters(
  markers: readonly SpreadMarker[],
  clusters: readonly ClusterInput[],
  gap: number,
  keepOff: readonly Box[] = [],
): Map<string, Point> {
  if (clusters.length === 0) return new Map();
  const fixed = [
    ...markers.map((m) => ({ centre: { x: m.point.x + m.offset.x, y: m.point.y + m.offset.y }, face: m.face })),
    // A moved marker's dot, where its place really is.
    ...markers.filter((m) => Math.hypot(m.offset.x, m.offset.y) > 1).map((m) => ({ centre: m.point, face: PLACE_DOT })),
    ...keepOff.map(asFace),
  ];
  const centres = [...fixed.map((f) => f.centre), ...clusters.map((c) => c.point)];
  const pushed = separateFaces(centres, [...fixed.map((f) => f.face), ...clusters.map((c) => c.face)], gap, 30, fixed.length);
  // Pushing pairs apart settles most clusters within a few rounds, but a large cluster among
  // several markers can be pushed off one onto the next, round after round. Each cluster is then
  // checked against the markers, their labels and the clusters kept before it, and one that still
  // covers something goes to the nearest free spot around where its places are, where its leader
  // line can go round the markers and their labels rather than across them.
  const taken = new RBush<Box>();
  taken.load(fixed.map((f) => box(f.centre, f.face, gap / 2)));
  const markersAndLabels = new RBush<Box>();
  markersAndLabels.load(taken.all());
  const offsets = new Map<string, Point>();
  clusters.forEach((cluster, i) => {
    const at = (offset: Point) => box({ x: cluster.point.x + offset.x, y: cluster.point.y + offset.y }, cluster.face, gap / 2);
    const { x, y } = cluster.point;
    // A box over the place itself is crossed whichever way the line goes: only the others count.
    const clean = (offset: Point) => {
      const to = { x: x + offset.x, y: y + offset.y };
      const span = { minX: Math.min(x, to.x), minY: Math.min(y, to.y), maxX: Math.max(x, to.x), maxY: Math.max(y, to.y) };
      return !markersAndLabels
        .search(span)
        .some((b) => !(b.minX <= x && x <= b.maxX && b.minY <= y && y <= b.maxY) && segmentMeetsBox(cluster.point, to, b));
    };
    const clear = (offset: Point) => !taken.collides(at(offset));
    const offset = nearestFree(pushed[fixed.length + i]!, clear, clean);
    taken.insert(at(offset));
    offsets.set(cluster.id, offset);
  });
  return offsets;
}

/** Whether the segment from `a` to `b` meets the box (Liang and Barsky's clipping). */
export function segmentMeetsBox(a: Point, b: Point, { minX, minY, maxX, maxY }: Box): boolean {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  let [enter, leave] = [0, 1];
  for (const [p, q] of [
    [-dx, a.x - minX],
    [dx, maxX - a.x],
    [-dy, a.y - minY],
    [dy, maxY - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return false;
  }
  return true;
}

/**
 * Boxes along the leader line from a place at `from` to its face moved by `offset`, a few pixels
 * apart: what the line crosses, for a layout to keep clear.
 */
export function leaderBoxes(from: Point, offset: Point): Box[] {
  const length = Math.hypot(offset.x, offset.y);
  const boxes: Box[] = [];
  for (let t = 0; t < length; t += LEADER_PIECE) {
    const [a, b] = [t / length, Math.min(t + LEADER_PIECE, length) / length];
    const [x1, x2] = [from.x + offset.x * a, from.x + offset.x * b];
    const [y1, y2] = [from.y + offset.y * a, from.y + offset.y * b];
    boxes.push({ minX: Math.min(x1, x2) - 1, minY: Math.min(y1, y2) - 1, maxX: Math.max(x1, x2) + 1, maxY: Math.max(y1, y2) + 1 });
  }
  return boxes;
}

/** The length of each box along a leader line. */
const LEADER_PIECE = 6;

/** How far out, and in what steps, a cluster looks for a free spot: a few discs' widths. */
const RING_STEP = 10;
export const RING_LIMIT = 240;

/** How much further out than the nearest clear spot a cluster looks for one its line reaches cleanly. */
const LEADER_DETOUR = 72;

/**
 * `start` if it is clear and its line is clean; else, on the rings around the point, the first
 * spot that is both, looking at most LEADER_DETOUR past the first clear one; else that first clear
 * spot (`start` itself if it was clear); else `start`. One pass over the rings: a crowded view
 * makes it for some clusters at every pan.
 */
function nearestFree(start: Point, clear: (offset: Point) => boolean, clean: (offset: Point) => boolean): Point {
  let fallback: { offset: Point; radius: number } | undefined;
  if (clear(start)) {
    if (clean(start)) return start;
    fallback = { offset: start, radius: Math.hypot(start.x, start.y) };
  }
  for (const offset of RING_OFFSETS) {
    const { radius } = offset;
    if (fallback && radius > fallback.radius + LEADER_DETOUR) break;
    if (!clear(offset)) continue;
    if (clean(offset)) return { x: offset.x, y: offset.y };
    fallback ??= { offset: { x: offset.x, y: offset.y }, radius };
  }
  return fallback?.offset ?? start;
}

/** Offsets on rings around a point, nearest first, about RING_STEP apart along each ring: the same for every cluster, worked out once. */
const RING_OFFSETS: readonly (Point & { radius: number })[] = (() => {
  const offsets: (Point & { radius: number })[] = [];
  for (let radius = RING_STEP; radius <= RING_LIMIT; radius += RING_STEP) {
    const count = Math.max(8, Math.round((2 * Math.PI * radius) / RING_STEP));
    for (let k = 0; k < count; k++) {
      const angle = (2 * Math.PI * k) / count;
      offsets.push({ x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)), radius });
    }
  }
  return offsets;
})();
