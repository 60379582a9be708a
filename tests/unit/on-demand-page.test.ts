import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { inlineHashes } from "@/app/_server/csp-hashes";
import { loaderTemplate } from "@/app/_server/defer-app-scripts";
import { LOADER_FILE } from "@/app/_server/loader-html";

const PAGE =
  '<html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><p>Khmeimim</p><div class="first-view"></div><script>self.x=1</script></body></html>';
const ORIGIN = "http://127.0.0.1:3000";

/** The module afresh (it keeps the loader and its pages for the life of the process), over a build folder. */
async function freshModule(withLoaderFile: boolean) {
  const dist = mkdtempSync(path.join(tmpdir(), "dateline-on-demand-"));
  if (withLoaderFile) writeFileSync(path.join(dist, LOADER_FILE), loaderTemplate());
  vi.stubEnv("DATELINE_DIST_DIR", dist);
  vi.resetModules();
  return import("@/app/_server/on-demand-page");
}

describe("onDemandPage", () => {
  const fetched: string[] = [];
  let answer: () => Response;

  beforeEach(() => {
    fetched.length = 0;
    answer = () => new Response(PAGE, { status: 200 });
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubGlobal("fetch", async (url: URL, init: RequestInit) => {
      fetched.push(`${url.href} ${JSON.stringify(init.headers)}`);
      return answer();
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("serves the page with the loader in place of its script tags, hashed as served", async () => {
    const { onDemandPage, PROBE_HEADER, PROBE_TOKEN } = await freshModule(true);
    const page = await onDemandPage("/places/khmeimim", ORIGIN);
    expect(page?.html).not.toContain('async=""');
    expect(page?.html).toContain("/_next/static/chunks/a.js");
    expect(page?.html).toContain("<p>Khmeimim</p>");
    expect(page?.hashes).toStrictEqual(inlineHashes(page?.html ?? ""));
    expect(page?.hashes.scripts).toHaveLength(2);
    expect(page?.etag).toMatch(/^"[\w-]+"$/);
    expect(fetched).toStrictEqual([`${ORIGIN}/places/khmeimim ${JSON.stringify({ [PROBE_HEADER]: PROBE_TOKEN })}`]);
  });

  it("fetches a page once, however many ask for it at once or later", async () => {
    const { onDemandPage } = await freshModule(true);
    const [a, b] = await Promise.all([onDemandPage("/events/x", ORIGIN), onDemandPage("/events/x", ORIGIN)]);
    const c = await onDemandPage("/events/x", ORIGIN);
    expect(fetched).toHaveLength(1);
    expect(b).toBe(a);
    expect(c?.etag).toBe(a?.etag);
  });

  it("says so when a page cannot be fetched, and tries again on the next request", async () => {
    const { onDemandPage } = await freshModule(true);
    answer = () => new Response("down", { status: 503 });
    expect(await onDemandPage("/places/damascus", ORIGIN)).toBeUndefined();
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/could not take \/places\/damascus.*503/));
    answer = () => new Response(PAGE, { status: 200 });
    expect((await onDemandPage("/places/damascus", ORIGIN))?.html).toContain("<p>Khmeimim</p>");
    expect(fetched).toHaveLength(2);
  });

  it("serves the page as rendered, and says why, where the build has no loader", async () => {
    const { onDemandPage } = await freshModule(false);
    const page = await onDemandPage("/places/khmeimim", ORIGIN);
    expect(page?.html).toBe(PAGE);
    expect(page?.hashes).toStrictEqual(inlineHashes(PAGE));
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/dateline-start-on-intent\.js is not in the build/));
  });

  it("leaves a page without a first view as it is, since its map needs the app at once", async () => {
    const { onDemandPage } = await freshModule(true);
    const clustered = PAGE.replace('<div class="first-view"></div>', "");
    answer = () => new Response(clustered, { status: 200 });
    expect((await onDemandPage("/places/clustered", ORIGIN))?.html).toBe(clustered);
    expect(console.error).not.toHaveBeenCalled();
  });

  it("serves a page with no script tags of the expected form as it is, and says so", async () => {
    const { onDemandPage } = await freshModule(true);
    const plain = '<html><body><div class="first-view"></div></body></html>';
    answer = () => new Response(plain, { status: 200 });
    expect((await onDemandPage("/places/plain", ORIGIN))?.html).toBe(plain);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/\/places\/plain starts its app as it loads/));
  });
});
