/**
 * Checking and saving a reviewed story against a data folder (server-only: it reads and writes
 * files). The check is `npm run validate`'s own (geo/validate.ts) run on the folder as it would be
 * after the save, so the editor sees the same messages; the save writes only when that check
 * passes, each file through a temporary file and a rename, so no reader ever sees half a file.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readRawDataset, shownPath } from "../load";
import { showValue, type Problem } from "../problems";
import { validateDataset, type CountryCheck, type RawDataset } from "../validate";
import { isInCountry } from "../countries";
import { storyFiles, type StoryFiles } from "./files";
import { actorJson, actorsFileText, eventJson, placeJson, prettyJson, storyJson } from "./json";
import type { StoryReview } from "./review";

/** Where a story's files go: the folder a story of that id already has, else stories/<id>/. */
export function storyFolder(raw: RawDataset, storyId: string): { folder: string; exists: boolean } {
  const existing = raw.stories.find((s) => (s.story.json as { id?: unknown } | undefined)?.id === storyId);
  return existing ? { folder: path.basename(path.dirname(existing.story.file)), exists: true } : { folder: storyId, exists: false };
}

const records = (file: { json: unknown }, key: string): unknown[] => {
  const list = (file.json as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(list) ? list : [];
};

/** The data folder as it would be with these files saved: the story added (or replacing its old folder), new places and actors appended. */
export function withStory(raw: RawDataset, dir: string, folder: string, files: StoryFiles): RawDataset {
  const storyDir = path.join(dir, "stories", folder);
  const story = { file: shownPath(path.join(storyDir, "story.json")), json: storyJson(files.story) };
  const events = {
    file: shownPath(path.join(storyDir, "events.json")),
    json: { story: files.story.id, events: files.events.map(eventJson) },
  };
  const others = raw.stories.filter((s) => s.story.file !== story.file);
  return {
    ...raw,
    places: {
      ...raw.places,
      json: { type: "FeatureCollection", features: [...records(raw.places, "features"), ...files.newPlaces.map(placeJson)] },
    },
    actors: { ...raw.actors, json: { actors: [...records(raw.actors, "actors"), ...files.newActors.map(actorJson)] } },
    stories: [...others, { story, events }],
  };
}

export interface StoryCheck {
  folder: string;
  files: StoryFiles;
  /** Every problem, in `npm run validate`'s words: the draft's own first, then the data folder's. */
  problems: Problem[];
}

/**
 * Checks a reviewed story against the data folder `dir` as it would be after saving it. A story
 * whose id is taken is a problem unless `review.overwrite` asks to replace it.
 */
export function checkStory(dir: string, review: StoryReview, inCountry: CountryCheck = isInCountry): StoryCheck {
  const raw = readRawDataset(dir);
  const { folder, exists } = storyFolder(raw, review.meta.id);
  const storyFile = shownPath(path.join(dir, "stories", folder, "story.json"));
  const { files, problems } = storyFiles(review, { story: storyFile, events: shownPath(path.join(dir, "stories", folder, "events.json")) });
  const folderTaken = !exists && raw.stories.some((s) => path.basename(path.dirname(s.story.file)) === folder);
  if (folderTaken) {
    problems.unshift({
      file: storyFile,
      record: `story "${review.meta.id}"`,
      field: "id",
      value: showValue(review.meta.id),
      message: `the folder stories/${folder}/ holds another story: choose another id`,
    });
  }
  if (exists && !review.overwrite) {
    problems.unshift({
      file: storyFile,
      record: `story "${review.meta.id}"`,
      field: "id",
      value: showValue(review.meta.id),
      message: "a story with this id exists already: choose another id, or ask to overwrite it",
    });
  }
  if (files.events.length === 0) {
    problems.push({
      file: storyFile,
      record: `story "${review.meta.id}"`,
      field: "events",
      value: "[]",
      message: "no accepted event: accept at least one",
    });
  }
  problems.push(...validateDataset(withStory(raw, dir, folder, files), inCountry).problems);
  return { folder, files, problems };
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename over it. */
export function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  try {
    writeFileSync(temporary, text, "utf8");
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export type SaveResult = { saved: true; folder: string; written: string[] } | { saved: false; problems: Problem[] };

/**
 * Saves a reviewed story into the data folder `dir` when it passes the check: places and actors
 * first (the events name them), then events.json, then story.json. Returns the files written, or
 * the problems and writes nothing.
 */
export function saveStory(dir: string, review: StoryReview, inCountry: CountryCheck = isInCountry): SaveResult {
  const { folder, files, problems } = checkStory(dir, review, inCountry);
  if (problems.length > 0) return { saved: false, problems };
  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeAtomically(file, text);
    written.push(shownPath(file));
  };
  if (files.newPlaces.length > 0) {
    const file = path.join(dir, "places.geojson");
    const current = JSON.parse(readFileSync(file, "utf8")) as { features: unknown[] };
    write(file, prettyJson({ ...current, features: [...current.features, ...files.newPlaces.map(placeJson)] }));
  }
  if (files.newActors.length > 0) {
    const file = path.join(dir, "actors.json");
    const current = JSON.parse(readFileSync(file, "utf8")) as { actors: Record<string, unknown>[] };
    write(file, actorsFileText([...current.actors, ...files.newActors.map(actorJson)]));
  }
  const storyDir = path.join(dir, "stories", folder);
  write(path.join(storyDir, "events.json"), prettyJson({ story: files.story.id, events: files.events.map(eventJson) }));
  write(path.join(storyDir, "story.json"), prettyJson(storyJson(files.story)));
  return { saved: true, folder, written };
}
