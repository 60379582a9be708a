import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NON_PAGE_CSP, STUDIO_CACHE_CONTROL, type headerRules } from "@/app/_server/headers.cjs";
import { studioBuilt, studioServed } from "@/app/_server/env";

describe("the studio switch", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("serves the studio only when the build had it and the server was started with DATELINE_STUDIO=on", () => {
    vi.stubEnv("DATELINE_STUDIO_BUILD", "on");
    expect(studioBuilt()).toBe(true);
    expect(studioServed({ DATELINE_STUDIO: "on" })).toBe(true);
    expect(studioServed({ DATELINE_STUDIO: "yes" })).toBe(false);
    expect(studioServed({})).toBe(false);
    vi.stubEnv("DATELINE_STUDIO_BUILD", "off");
    expect(studioServed({ DATELINE_STUDIO: "on" })).toBe(false);
  });
});

describe("the studio's headers", () => {
  const require = createRequire(import.meta.url);
  const config = require("../../next.config.js") as { headers: () => Promise<ReturnType<typeof headerRules>> };
  async function headersFor(path: string): Promise<Record<string, string>> {
    const { match } = require("next/dist/compiled/path-to-regexp") as { match: (source: string) => (path: string) => unknown };
    const result: Record<string, string> = {};
    for (const rule of await config.headers()) if (match(rule.source)(path)) for (const { key, value } of rule.headers) result[key] = value;
    return result;
  }

  it("keeps every studio answer out of every cache, and locks its API down like the rest", async () => {
    for (const path of ["/studio", "/api/studio/draft", "/api/studio/save", "/api/studio/places"]) {
      expect((await headersFor(path))["Cache-Control"], path).toBe(STUDIO_CACHE_CONTROL);
    }
    expect(STUDIO_CACHE_CONTROL).toBe("no-store");
    expect((await headersFor("/api/studio/save"))["Content-Security-Policy"]).toBe(NON_PAGE_CSP);
    expect((await headersFor("/studio"))["Content-Security-Policy"], "the page gets its own from proxy.ts").toBeUndefined();
    expect((await headersFor("/stories"))["Cache-Control"]).not.toBe(STUDIO_CACHE_CONTROL);
  });
});
