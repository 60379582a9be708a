/**
 * The studio's gazetteer at run time: the file `npm run gazetteer` wrote at build, read once per
 * process on first use and indexed by folded name (names.ts). Server and CLI only.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { REGION, type GazetteerEntry, type GazetteerFile } from "./gazetteer-data";
import { nameKey, skeleton } from "./names";

/** Where the build writes the gazetteer (relative to the project root, like geo/load.ts's data). */
export const GAZETTEER_FILE = path.join(process.cwd(), "geo", "draft", "generated", "gazetteer.json");

export interface Gazetteer {
  sources: string[];
  entries: GazetteerEntry[];
  /** Entry indexes by the folded key of each name and variant. */
  byKey: Map<string, number[]>;
  /** Region cities by consonant skeleton, for transliteration variants (Saraqeb for Saraqib). */
  bySkeleton: Map<string, number[]>;
  /** The longest name, in words: how far the mention finder looks ahead. */
  maxWords: number;
}

let cached: Gazetteer | undefined;

function add(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}

/** Names whose skeleton is used: five letters or more in at most three words. */
export function usesSkeleton(key: string): boolean {
  return key.length >= 5 && key.split(" ").length <= 3;
}

export function indexGazetteer(file: GazetteerFile): Gazetteer {
  const byKey = new Map<string, number[]>();
  const bySkeleton = new Map<string, number[]>();
  let maxWords = 1;
  file.entries.forEach((entry, index) => {
    for (const name of [entry.name, ...(entry.variants ?? [])]) {
      const key = nameKey(name);
      if (!key) continue;
      add(byKey, key, index);
      maxWords = Math.max(maxWords, key.split(" ").length);
      if (entry.kind === "city" && REGION.has(entry.country) && usesSkeleton(key)) add(bySkeleton, skeleton(key), index);
    }
  });
  return { sources: file.sources, entries: file.entries, byKey, bySkeleton, maxWords: Math.min(maxWords, 6) };
}

/** The gazetteer, read on first use; a missing file names the command that makes it. */
export function loadGazetteer(file: string = GAZETTEER_FILE): Gazetteer {
  if (cached) return cached;
  if (!existsSync(file)) {
    throw new Error(`${path.relative(process.cwd(), file)} is missing: run \`npm run gazetteer\` (the build does) to make it`);
  }
  cached = indexGazetteer(JSON.parse(readFileSync(file, "utf8")) as GazetteerFile);
  return cached;
}
