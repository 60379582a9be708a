import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// knownPathIds reads DATELINE_DATA_DIR when geo/load.ts is first imported: this file sets it to a
// copy with a context layer first (Vitest gives each test file its own modules).
const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-known-ids-"));
cpSync(path.join("geo", "data"), dir, { recursive: true });
const eventsFile = path.join(dir, "stories", "2020-01-08-putin-visits-syria", "events.json");
const citation = { title: "ACLED SYR1", publisher: "SOHR", url: "https://acleddata.com/data-export-tool/" };
const events = JSON.parse(readFileSync(eventsFile, "utf8"));
events.context = [
  {
    id: "acled-syr1",
    title: "Battles in Damascus",
    summary: "Clashes.",
    date: "2019-03-15",
    actors: [{ actor: "syria", role: "belligerent" }],
    places: [{ place: "damascus", role: "venue" }],
    provenance: { kind: "context", citation },
  },
];
writeFileSync(eventsFile, JSON.stringify(events));
process.env.DATELINE_DATA_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("knownPathIds", () => {
  it("knows the share pages of both layers: the article's events and the context layer's", async () => {
    const { knownPathIds, loadDataset } = await import("@/geo/load");
    const ids = knownPathIds();
    expect(ids.events.has("acled-syr1")).toBe(true);
    expect(ids.events.has("putin-visits-syria")).toBe(true);
    expect([...ids.events].sort()).toEqual(
      loadDataset()
        .events.map((e) => e.id)
        .sort(),
    );
  }, 60_000);
});
