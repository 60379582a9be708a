/**
 * The one module that reads Dateline's data files. Server-only (it uses the file system): pages,
 * route handlers and scripts call `loadDataset()`; the browser receives the data as props.
 *
 * Layout, so that a new story is files alone:
 *   geo/data/places.geojson            places shared by every story
 *   geo/data/actors.json               actors shared by every story
 *   geo/data/stories/<slug>/story.json     the article: title, dateline, text
 *   geo/data/stories/<slug>/events.json    its events
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem } from "./problems";
import { validateDataset, type Dataset, type RawDataset, type RawFile } from "./validate";

/**
 * Where the data lives: `geo/data`, or `DATELINE_DATA_DIR` (relative to the project root), which
 * the tests use to build the site from a fixture dataset (hostile text, say). `process.cwd()` is
 * the project root under `next` and the scripts.
 */
export const DATA_DIR = path.resolve(process.cwd(), process.env.DATELINE_DATA_DIR ?? path.join("geo", "data"));

function readJson(file: string): RawFile {
  const relative = path.relative(process.cwd(), file) || file;
  try {
    return { file: relative, json: JSON.parse(readFileSync(file, "utf8")) };
  } catch (error) {
    return { file: relative, json: undefined, readError: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads every data file under `dir` without judging it. */
export function readRawDataset(dir: string = DATA_DIR): RawDataset {
  const storiesDir = path.join(dir, "stories");
  const slugs = existsSync(storiesDir)
    ? readdirSync(storiesDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    places: readJson(path.join(dir, "places.geojson")),
    actors: readJson(path.join(dir, "actors.json")),
    stories: slugs.map((slug) => ({
      story: readJson(path.join(storiesDir, slug, "story.json")),
      events: readJson(path.join(storiesDir, slug, "events.json")),
    })),
  };
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

let shareIds: { places: Set<string>; events: Set<string> } | undefined;

/**
 * The ids that have share pages, read straight from the data files without the full validation
 * (the build has done that): proxy.ts answers unknown ids with the 404 page itself, because
 * Next.js 16 sends a `notFound()` from a dynamic page as an empty shell drawn only by JavaScript
 * (vercel/next.js#62228).
 */
export function knownShareIds(): { places: Set<string>; events: Set<string> } {
  if (shareIds) return shareIds;
  const raw = readRawDataset();
  const ids = (records: unknown) =>
    Array.isArray(records) ? records.flatMap((r) => (typeof r?.id === "string" ? [r.id as string] : [])) : [];
  const json = (file: { json: unknown }, key: string) => (file.json as Record<string, unknown> | undefined)?.[key];
  shareIds = {
    places: new Set(ids(json(raw.places, "features"))),
    events: new Set(raw.stories.flatMap((story) => ids(json(story.events, "events")))),
  };
  return shareIds;
}
