/**
 * A small seeded pseudo-random generator (mulberry32, public domain, by Tommy Ettinger), so that
 * generated fixtures are the same bytes for the same seed on every machine and Node version.
 * Not for anything secret.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One item, each as likely as its weight (weights >= 0, not all 0). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/** @example seededRandom(42).int(1, 6) // the same roll for seed 42, always */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick: the list is empty");
    return items[Math.floor(next() * items.length)] as T;
  };
  const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) throw new Error(`weighted: the weights must add up to more than 0 (they add up to ${total})`);
    let at = next() * total;
    for (const [item, weight] of items) {
      at -= weight;
      if (at < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)), pick, weighted };
}
