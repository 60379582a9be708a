/**
 * The security and caching headers (app/_server/headers.cjs, their one definition) and the hashes
 * a page's script policy is made of (app/_server/csp-hashes.ts), without a server.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cspHash, inlineHashes } from "@/app/_server/csp-hashes";
import { routeOfHtmlFile } from "@/app/_server/csp-manifest";
import {
  CACHE_CONTROL,
  EMBED_PATH,
  NON_PAGE_CSP,
  SECURITY_HEADERS,
  STUDIO_CACHE_CONTROL,
  STUDIO_OPENER_POLICY,
  headerRules,
  pagePolicy,
} from "@/app/_server/headers.cjs";

/** A policy as directive name to its list of sources. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) {
      expect(map.has(name), `directive ${name} given once`).toBe(false);
      map.set(name, sources);
    }
  }
  return map;
}

const HASHES = ["'sha256-AAAA'", "'sha256-BBBB'"];

describe("pagePolicy", () => {
  const csp = directives(pagePolicy({ scriptHashes: HASHES }));

  it("allows no plugins, no foreign <base>, and only same-origin framing", () => {
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("runs the app's own files and exactly the hashed inline scripts: no nonce, no inline, no eval", () => {
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).toEqual(["'self'", ...HASHES]);
    expect(pagePolicy({ scriptHashes: HASHES })).not.toMatch(/nonce|strict-dynamic/);
    expect(csp.get("style-src")).toEqual(["'self'"]);
  });

  it("is the same string for the same page: nothing per request", () => {
    expect(pagePolicy({ scriptHashes: HASHES })).toBe(pagePolicy({ scriptHashes: [...HASHES] }));
  });

  it("lets any site frame an embed, and only an embed", () => {
    expect(directives(pagePolicy({ scriptHashes: HASHES, embed: true })).get("frame-ancestors")).toEqual(["*"]);
    expect(EMBED_PATH.test("/embed/putin-visits-syria-2020")).toBe(true);
    expect(EMBED_PATH.test("/embed")).toBe(true);
    expect(EMBED_PATH.test("/embedded")).toBe(false);
    expect(EMBED_PATH.test("/stories/embed")).toBe(false);
  });

  it("allows eval and inline code only for next dev", () => {
    const dev = directives(pagePolicy({ scriptHashes: [], dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("allows images from the configured tile host, and from no other host", () => {
    const withTiles = directives(pagePolicy({ scriptHashes: [], tileOrigin: "https://tiles.example.org" }));
    expect(withTiles.get("img-src")).toContain("https://tiles.example.org");
    expect((csp.get("img-src") ?? []).filter((s) => /^https?:/.test(s))).toEqual([]);
  });
});

describe("inlineHashes", () => {
  const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("hashes the exact bytes between the tags, untrimmed and as UTF-8", () => {
    expect(cspHash(" a() ")).toBe(sha(" a() "));
    expect(cspHash("é")).toBe(sha(Buffer.from("é", "utf8").toString()));
    const html = `<head><script>(self.a=1)</script><script src="/x.js"></script></head><body><script async="">\n b("</")\n</script></body>`;
    expect(inlineHashes(html).scripts).toEqual([sha("(self.a=1)"), sha('\n b("</")\n')].sort());
  });

  it("skips scripts with a src, counts a repeated script once, and hashes <style> elements", () => {
    const html = `<script src="/a.js" async></script><script>x</script><script>x</script><style>p{}</style>`;
    expect(inlineHashes(html)).toEqual({ scripts: [sha("x")], styles: [sha("p{}")] });
    expect(inlineHashes("<p>no scripts</p>")).toEqual({ scripts: [], styles: [] });
  });

  it("maps built HTML files to the paths they answer", () => {
    expect(routeOfHtmlFile("index.html")).toBe("/");
    expect(routeOfHtmlFile("stories.html")).toBe("/stories");
    expect(routeOfHtmlFile("stories/putin-visits-syria-2020.html")).toBe("/stories/putin-visits-syria-2020");
    expect(routeOfHtmlFile("_not-found.html")).toBe("/_not-found");
  });
});

describe("next.config.js headers", () => {
  const require = createRequire(import.meta.url);
  const config = require("../../next.config.js") as { headers: () => Promise<ReturnType<typeof headerRules>> };

  /** The headers a path gets from the rules, the last rule winning as in Next.js. */
  async function headersFor(path: string): Promise<Record<string, string>> {
    // The matcher Next.js itself applies to header rules.
    const { match } = require("next/dist/compiled/path-to-regexp") as { match: (source: string) => (path: string) => unknown };
    const result: Record<string, string> = {};
    for (const rule of await config.headers()) {
      if (match(rule.source)(path)) for (const { key, value } of rule.headers) result[key] = value;
    }
    return result;
  }

  it("sends the security headers on every path, and the frame header on every path but the embeds", async () => {
    for (const path of ["/", "/stories/x", "/places/damascus", "/api/places", "/embed/x", "/embed/x/y"]) {
      const sent = await headersFor(path);
      for (const [key, value] of Object.entries(SECURITY_HEADERS)) expect(sent[key], `${key} on ${path}`).toBe(value);
      if (path.startsWith("/embed/")) expect(sent["X-Frame-Options"], path).toBeUndefined();
      else expect(sent["X-Frame-Options"], path).toBe("SAMEORIGIN");
    }
  });

  it("locks API answers, images and the basemap down with NON_PAGE_CSP", async () => {
    for (const path of ["/api/events", "/basemap.json", "/basemap.svg", "/places/damascus/opengraph-image", "/stories/x/map.svg"]) {
      expect((await headersFor(path))["Content-Security-Policy"], path).toBe(NON_PAGE_CSP);
    }
    expect((await headersFor("/stories/x"))["Content-Security-Policy"], "pages get theirs from proxy.ts").toBeUndefined();
    expect((await headersFor("/"))["Content-Security-Policy"], "/ gets its own from the build").toMatch(
      /^default-src 'self'; script-src 'self'/,
    );
  });

  it("lets shared caches keep pages, images and API answers, and leaves build assets to Next.js (immutable)", async () => {
    expect((await headersFor("/"))["Cache-Control"]).toBe(CACHE_CONTROL.page);
    expect((await headersFor("/events/x/opengraph-image"))["Cache-Control"]).toBe(CACHE_CONTROL.image);
    expect((await headersFor("/basemap.svg"))["Cache-Control"], "the land, loaded by the first view and then the map").toBe(
      CACHE_CONTROL.image,
    );
    expect((await headersFor("/api/places"))["Cache-Control"]).toBe(CACHE_CONTROL.api);
    expect((await headersFor("/_next/static/chunks/a.js"))["Cache-Control"]).toBeUndefined();
    for (const value of Object.values(CACHE_CONTROL)) expect(value).toMatch(/public.*s-maxage=\d+.*stale-while-revalidate=\d+/);
  });

  it("lets nobody keep the studio's drafts, and locks them down like other API answers", async () => {
    const sent = await headersFor("/api/studio/draft");
    expect(sent["Cache-Control"]).toBe(STUDIO_CACHE_CONTROL);
    expect(STUDIO_CACHE_CONTROL).toBe("no-store");
    expect(sent["Content-Security-Policy"]).toBe(NON_PAGE_CSP);
  });

  it("isolates the studio's window from other sites' (COOP), and not the reader's pages, which a cold process would slow", async () => {
    for (const path of ["/studio", "/api/studio/draft"]) {
      expect((await headersFor(path))["Cross-Origin-Opener-Policy"], path).toBe("same-origin");
    }
    expect(STUDIO_OPENER_POLICY).toStrictEqual({ "Cross-Origin-Opener-Policy": "same-origin" });
    for (const path of ["/", "/stories/x", "/places/damascus", "/events/x", "/embed/x"]) {
      expect((await headersFor(path))["Cross-Origin-Opener-Policy"], path).toBeUndefined();
    }
  });

  it("has the headers the issue asks for", () => {
    expect(SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(SECURITY_HEADERS["Referrer-Policy"]).toBeTruthy();
    expect(SECURITY_HEADERS["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(SECURITY_HEADERS["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });
});
