/** Test helpers for the SVG path data that geo/land-svg.ts `ringPath` writes. */

/** The rings of path data back as absolute points: "M x y l dx dy dx dy … z". */
export function pathRings(d: string): [number, number][][] {
  return d
    .split("z")
    .filter(Boolean)
    .map((ring) => {
      const [move, steps] = ring.slice(1).split("l");
      let [x, y] = move!.split(" ").map(Number) as [number, number];
      const numbers = steps!.match(/-?\d+/g)!.map(Number);
      const points: [number, number][] = [[x, y]];
      for (let i = 0; i < numbers.length; i += 2) points.push([(x += numbers[i]!), (y += numbers[i + 1]!)]);
      return points;
    });
}

/** Even-odd point in polygon over every ring: as such a path is filled. */
export function insideRings(rings: readonly (readonly [number, number])[][], px: number, py: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}
