/**
 * The one module that reads Dateline's data files. Server-only (it uses the file system): pages,
 * route handlers and scripts call `loadDataset()`; the browser receives the data as props.
 *
 * Layout of the data folder (`geo/data`, or `DATELINE_DATA_DIR`), so that a new story is files alone:
 *   places.geojson                 places shared by every story
 *   actors.json                    actors shared by every story
 *   stories/<slug>/story.json      the article: title, dateline, text
 *   stories/<slug>/events.json     its events
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "./problems";
import { validateDataset, type Dataset, type RawDataset, type RawFile } from "./validate";

/**
 * Where the data lives: `DATELINE_DATA_DIR` (absolute, or relative to the project root), so that a
 * newsroom keeps its stories in a folder of its own and the tests build the site from fixture
 * data; unset means `geo/data`. Read at build, at start and by `npm run validate`, all through
 * here. `process.cwd()` is the project root under `next` and the scripts.
 */
export const DATA_DIR = dataDirFrom(process.env.DATELINE_DATA_DIR);

/** The data folder that a `DATELINE_DATA_DIR` value names; empty or unset means `geo/data`. */
export function dataDirFrom(setting: string | undefined): string {
  const dir = setting?.trim() || path.join("geo", "data");
  // turbopackIgnore: the folder is chosen at run time, so the bundler must not trace the whole
  // project through this call; next.config.js ships the data folder with the server instead.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
}

/** A path as messages show it: relative to the project inside it, absolute outside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(file) : relative;
}

function readJson(file: string): RawFile {
  const shown = shownPath(file);
  try {
    return { file: shown, json: JSON.parse(readFileSync(file, "utf8")) };
  } catch (error) {
    return { file: shown, json: undefined, readError: error instanceof Error ? error.message : String(error) };
  }
}

/** The story folders under `storiesDir`, sorted: each holds one story's two files. */
function storySlugs(storiesDir: string): string[] {
  return existsSync(storiesDir)
    ? readdirSync(storiesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

/** Reads every data file under `dir` without judging it. */
export function readRawDataset(dir: string = DATA_DIR): RawDataset {
  const storiesDir = path.join(dir, "stories");
  const slugs = storySlugs(storiesDir);
  return {
    storiesDir: shownPath(storiesDir),
    places: readJson(path.join(dir, "places.geojson")),
    actors: readJson(path.join(dir, "actors.json")),
    stories: slugs.map((slug) => ({
      story: readJson(path.join(storiesDir, slug, "story.json")),
      events: readJson(path.join(storiesDir, slug, "events.json")),
    })),
  };
}

/**
 * A fingerprint of the files `readRawDataset(dir)` reads: each one's path, inode, size and
 * modification time in nanoseconds (or that it is missing). It changes whenever a file is
 * written (a save renames a new file over the old one: a new inode), added or removed, so a
 * server can keep the validated dataset until the folder changes instead of re-reading it.
 */
export function dataFilesStamp(dir: string = DATA_DIR): string {
  const storiesDir = path.join(dir, "stories");
  const files = [
    path.join(dir, "places.geojson"),
    path.join(dir, "actors.json"),
    ...storySlugs(storiesDir).flatMap((slug) => [path.join(storiesDir, slug, "story.json"), path.join(storiesDir, slug, "events.json")]),
  ];
  return files
    .map((file) => {
      const stat = statSync(file, { bigint: true, throwIfNoEntry: false });
      return `${file}\t${stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : "missing"}`;
    })
    .join("\n");
}

/** Thrown when the shipped data has problems: the message lists every one. */
export class DataError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} problem(s) in the data files:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "DataError";
  }
}

let cached: Dataset | undefined;

/**
 * The validated dataset. Any problem throws a DataError, which fails `next build`: a site never
 * ships silently missing records.
 */
export function loadDataset(): Dataset {
  if (cached) return cached;
  const { dataset, problems } = validateDataset(readRawDataset());
  if (problems.length > 0) throw new DataError(problems.map(formatProblem));
  cached = dataset;
  return dataset;
}

let pathIds: { places: Set<string>; events: Set<string>; stories: Set<string> } | undefined;

/**
 * The ids that have pages (`/places/<id>`, `/events/<id>`, `/stories/<id>`), read straight from
 * the data files without the full validation (the build has done that): proxy.ts answers unknown
 * ids with the 404 page itself, because Next.js 16 sends a `notFound()` from a dynamic page as an
 * empty shell drawn only by JavaScript (vercel/next.js#62228).
 */
export function knownPathIds(): { places: Set<string>; events: Set<string>; stories: Set<string> } {
  if (pathIds) return pathIds;
  const raw = readRawDataset();
  const ids = (records: unknown) =>
    Array.isArray(records) ? records.flatMap((r) => (typeof r?.id === "string" ? [r.id as string] : [])) : [];
  const json = (file: { json: unknown }, key: string) => (file.json as Record<string, unknown> | undefined)?.[key];
  pathIds = {
    places: new Set(ids(json(raw.places, "features"))),
    // Both layers of a story have share pages: the article's events and the context layer's.
    events: new Set(raw.stories.flatMap((story) => [...ids(json(story.events, "events")), ...ids(json(story.events, "context"))])),
    stories: new Set(ids(raw.stories.map((story) => story.story.json))),
  };
  return pathIds;
}
