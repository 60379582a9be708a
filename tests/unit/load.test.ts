import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

/**
 * Broken data must fail the build with the same messages as `npm run validate`: the build calls
 * loadDataset(), which throws a DataError listing every problem, and the CLI prints the same lines.
 */
const root = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "dateline-broken-"));
cpSync(path.join(root, "geo/data"), dir, { recursive: true });
const eventsFile = path.join(dir, "stories/2020-01-08-putin-visits-syria/events.json");
const events = JSON.parse(readFileSync(eventsFile, "utf8"));
events.events[0].places[0].place = "damascos";
events.events[1].date = "2017-02-30";
writeFileSync(eventsFile, JSON.stringify(events));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function loadWithDataDir() {
  vi.resetModules();
  vi.stubEnv("DATELINE_DATA_DIR", dir);
  try {
    const { loadDataset } = await import("@/geo/load");
    return () => loadDataset();
  } finally {
    vi.unstubAllEnvs();
  }
}

// Each case parses the Natural Earth shapes (countries at 1:10m, provinces) that validation checks
// points against: seconds on a busy 2-core machine, more than Vitest's default 5 s.
describe("broken data files", { timeout: 60_000 }, () => {
  it("make loadDataset (and so next build) throw a DataError naming file, record, field and value", async () => {
    const load = await loadWithDataDir();
    expect(load).toThrowError(/damascos.*did you mean "damascus"/);
    expect(load).toThrowError(/events\.json: event "putin-visit-khmeimim-2017", field date = "2017-02-30"/);
  });

  it("print the same problem lines from npm run validate, which exits non-zero", async () => {
    const load = await loadWithDataDir();
    const thrown = (() => {
      try {
        load();
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    let output = "";
    let failed = false;
    try {
      execFileSync("npx", ["tsx", "geo/cli/validate.ts"], { cwd: root, env: { ...process.env, DATELINE_DATA_DIR: dir }, stdio: "pipe" });
    } catch (error) {
      failed = true;
      output = String((error as { stderr: Buffer }).stderr);
    }
    expect(failed).toBe(true);
    const lines = (text: string) => text.split("\n").filter((line) => line.trim().startsWith("- "));
    expect(lines(output)).toEqual(lines(thrown));
    expect(lines(output)).toHaveLength(2);
  });
});

describe("dataDirFrom (DATELINE_DATA_DIR)", () => {
  it("means geo/data when unset or empty", async () => {
    const { dataDirFrom } = await import("@/geo/load");
    expect(dataDirFrom(undefined)).toBe(path.resolve("geo/data"));
    expect(dataDirFrom("  ")).toBe(path.resolve("geo/data"));
  });

  it("takes a folder relative to the project root, or an absolute one", async () => {
    const { dataDirFrom } = await import("@/geo/load");
    expect(dataDirFrom("tests/fixtures/hostile")).toBe(path.resolve("tests/fixtures/hostile"));
    expect(dataDirFrom("/srv/newsroom/stories-data")).toBe("/srv/newsroom/stories-data");
  });
});
