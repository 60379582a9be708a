import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { currentDataset } from "@/app/_server/studio";
import { dataFilesStamp } from "@/geo/load";
import { writeAtomically } from "@/geo/studio/save";

/**
 * The studio keeps the validated data folder between requests until a data file changes. A hit
 * returns the very same dataset object (validation builds new objects every time), so identity
 * tells a kept dataset from a re-read one.
 */
const FIXTURE = path.join("tests", "fixtures", "stories-two");
const FIRST_FOLDER = "2020-01-08-putin-visits-syria";

let dir: string;
let aside: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "dateline-studio-cache-"));
  aside = mkdtempSync(path.join(tmpdir(), "dateline-studio-aside-"));
  cpSync(FIXTURE, dir, { recursive: true });
  // The first story waits aside, to be added back as a save would.
  cpSync(path.join(dir, "stories", FIRST_FOLDER), aside, { recursive: true });
  rmSync(path.join(dir, "stories", FIRST_FOLDER), { recursive: true });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
});

const storyIds = (d: string) => currentDataset(d).stories.map((s) => s.id);

// Each validation parses the Natural Earth shapes the first time: seconds on a busy 2-core machine.
describe("the studio's validated dataset", { timeout: 60_000 }, () => {
  it("is kept while no data file changes", () => {
    const first = currentDataset(dir);
    expect(currentDataset(dir)).toBe(first);
    expect(dataFilesStamp(dir)).toBe(dataFilesStamp(dir));
  });

  it("is read again once a story folder is added, as a save adds it", () => {
    const before = currentDataset(dir);
    expect(before.stories.map((s) => s.id)).not.toContain("putin-visits-syria-2020");
    writeAtomically(path.join(dir, "stories", FIRST_FOLDER, "events.json"), readFileSync(path.join(aside, "events.json"), "utf8"));
    writeAtomically(path.join(dir, "stories", FIRST_FOLDER, "story.json"), readFileSync(path.join(aside, "story.json"), "utf8"));
    expect(currentDataset(dir)).not.toBe(before);
    expect(storyIds(dir)).toContain("putin-visits-syria-2020");
    // ...and removed.
    rmSync(path.join(dir, "stories", FIRST_FOLDER), { recursive: true });
    expect(storyIds(dir)).not.toContain("putin-visits-syria-2020");
  });

  it("is read again when a file is rewritten with the same bytes (a new file renamed over it)", () => {
    const before = currentDataset(dir);
    const actors = path.join(dir, "actors.json");
    writeAtomically(actors, readFileSync(actors, "utf8"));
    const after = currentDataset(dir);
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });

  it("is read again when a file is edited in place, or only its modification time changes", () => {
    const places = path.join(dir, "places.geojson");
    const before = currentDataset(dir);
    const collection = JSON.parse(readFileSync(places, "utf8")) as { features: { id: string; properties: { name: string } }[] };
    const renamed = collection.features.map((f) => (f.id === "erbil" ? { ...f, properties: { ...f.properties, name: "Hawler" } } : f));
    writeFileSync(places, JSON.stringify({ ...collection, features: renamed }));
    const edited = currentDataset(dir);
    expect(edited).not.toBe(before);
    expect(edited.places.find((p) => p.id === "erbil")?.properties.name).toBe("Hawler");

    const later = new Date(Date.now() + 60_000);
    utimesSync(places, later, later);
    expect(currentDataset(dir)).not.toBe(edited);
  });

  it("belongs to its folder: another folder is read on its own", () => {
    const here = currentDataset(dir);
    expect(storyIds(FIXTURE)).toContain("putin-visits-syria-2020");
    expect(storyIds(dir)).not.toContain("putin-visits-syria-2020");
    expect(currentDataset(dir)).not.toBe(here);
  });
});
