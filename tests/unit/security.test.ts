/**
 * The Content-Security-Policy and the static security headers, without a server; and a check
 * that next.config.js sends exactly the headers geo/security.ts declares, so the copies cannot drift.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, NON_PAGE_CSP, SECURITY_HEADERS, newNonce } from "@/geo/security";
import { parseTileSetting, type TileSetting } from "@/geo/tiles";

const OFF: TileSetting = { kind: "off" };
const TILES = parseTileSetting("https://tiles.example.org/{z}/{x}/{y}.png") as TileSetting;

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

describe("contentSecurityPolicy", () => {
  const nonce = "abc123+/XYZ=";
  const csp = directives(contentSecurityPolicy({ nonce, tiles: OFF }));

  it("allows no plugins, no foreign <base>, and only same-origin framing", () => {
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toBeDefined();
    expect(csp.get("frame-ancestors")).not.toContain("*");
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("runs scripts only by this request's nonce: no inline scripts, no eval", () => {
    const scripts = csp.get("script-src") ?? [];
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("*");
    expect(scripts.filter((s) => /^https?:|^\*/.test(s))).toEqual([]);
  });

  it("allows eval only for next dev", () => {
    const dev = directives(contentSecurityPolicy({ nonce, tiles: OFF, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("allows images from the configured tile host, and from no other host", () => {
    const withTiles = directives(contentSecurityPolicy({ nonce, tiles: TILES }));
    expect(withTiles.get("img-src")).toContain("https://tiles.example.org");
    expect(csp.get("img-src")).not.toContain("https://tiles.example.org");
    expect((csp.get("img-src") ?? []).filter((s) => /^https?:/.test(s))).toEqual([]);
    const osm = directives(contentSecurityPolicy({ nonce, tiles: parseTileSetting(undefined) as TileSetting }));
    expect(osm.get("img-src")).toContain("https://tile.openstreetmap.org");
  });

  it("puts a different nonce in every policy made from newNonce", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("next.config.js headers", () => {
  const require = createRequire(import.meta.url);
  const config = require("../../next.config.js") as {
    headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
  };

  it("sends SECURITY_HEADERS on every path, exactly, with X-Frame-Options everywhere but the embeds", async () => {
    const rules = await config.headers();
    const all = rules.find((r) => r.source === "/:path*");
    const notEmbeds = rules.find((r) => r.source === "/:path((?!embed/).*)");
    const sent = Object.fromEntries([...(all?.headers ?? []), ...(notEmbeds?.headers ?? [])].map((h) => [h.key, h.value]));
    expect(sent).toEqual(SECURITY_HEADERS);
    expect(notEmbeds?.headers).toEqual([{ key: "X-Frame-Options", value: "SAMEORIGIN" }]);
  });

  it("locks API answers and the basemap down with NON_PAGE_CSP", async () => {
    const rules = await config.headers();
    for (const source of ["/api/:path*", "/basemap.json"]) {
      const rule = rules.find((r) => r.source === source);
      expect(rule?.headers, source).toContainEqual({ key: "Content-Security-Policy", value: NON_PAGE_CSP });
    }
  });

  it("has the headers the issue asks for", () => {
    expect(SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(SECURITY_HEADERS["Referrer-Policy"]).toBeTruthy();
    expect(SECURITY_HEADERS["Strict-Transport-Security"]).toMatch(/max-age=\d{7,}/);
    expect(SECURITY_HEADERS["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(SECURITY_HEADERS["Permissions-Policy"]).toMatch(/geolocation=\(\)/);
  });
});
