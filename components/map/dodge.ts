/**
 * Moves overlapping marker faces apart on screen, so that places a few kilometres apart
 * (Khmeimim and Latakia) stay separately clickable at every zoom without clustering them away.
 * Each face keeps a leader line to its true position. Pure: pixel points in, offsets out.
 */

export interface Point {
  x: number;
  y: number;
}

/**
 * Offsets that leave every pair of points at least `minDistance` apart, found by repeatedly
 * pushing overlapping pairs apart along the line between them (coincident points are fanned out
 * by index). Stops after `iterations` rounds even if some overlap remains.
 */
export function dodgeOffsets(points: readonly Point[], minDistance: number, iterations = 30): Point[] {
  const offsets = points.map(() => ({ x: 0, y: 0 }));
  for (let round = 0; round < iterations; round++) {
    let moved = false;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        const [a, b, oa, ob] = [points[i], points[j], offsets[i], offsets[j]];
        if (!a || !b || !oa || !ob) continue;
        let dx = b.x + ob.x - (a.x + oa.x);
        let dy = b.y + ob.y - (a.y + oa.y);
        let distance = Math.hypot(dx, dy);
        if (distance >= minDistance) continue;
        if (distance < 1e-6) {
          const angle = (j * 2 * Math.PI) / points.length;
          [dx, dy, distance] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (minDistance - distance) / 2 + 0.5;
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
