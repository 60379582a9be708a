/**
 * The build's last step for `/` (front-page.cjs): its static copy, and its policy in the header
 * rule that serves it. Run by cli/hash-pages.ts after `next build`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PageHashes } from "./csp-hashes";
import { frontPageFile } from "./front-page.cjs";
import { pagePolicy, type HeaderRule } from "./headers.cjs";

/** Next.js's record of a build's routes, of which only the header rules matter here. */
interface RoutesManifest {
  headers: HeaderRule[];
}

const POLICY = "Content-Security-Policy";

/**
 * The routes manifest with `/`'s policy rule (headers.cjs frontPagePolicyRule) set to `policy`.
 * Throws when the build has no such rule: next.config.js and this step must agree.
 */
export function withFrontPagePolicy(manifest: RoutesManifest, policy: string): RoutesManifest {
  const rule = manifest.headers.find((r) => r.source === "/" && r.headers.some((h) => h.key === POLICY));
  if (!rule) throw new Error(`the build's routes manifest has no ${POLICY} rule for "/": was it built with this project's next.config.js?`);
  const headers = rule.headers.map((h) => (h.key === POLICY ? { ...h, value: policy } : h));
  return { ...manifest, headers: manifest.headers.map((r) => (r === rule ? { ...rule, headers } : r)) };
}

/**
 * Writes `/`'s page (the build's prerendered `/`, as cli/hash-pages.ts made it) to its static
 * address under public/ and its policy (the page's inline scripts' and styles' hashes, the tile host
 * the page was built with) into the build. Returns the copy's path.
 */
export function publishFrontPage(dist: string, html: string, hashes: PageHashes, tileOrigin: string | undefined): string {
  const copy = path.join("public", ...frontPageFile(dist).split("/"));
  mkdirSync(path.dirname(copy), { recursive: true });
  writeFileSync(copy, html);
  const manifestFile = path.join(dist, "routes-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as RoutesManifest;
  const policy = pagePolicy({ scriptHashes: hashes.scripts, styleHashes: hashes.styles, tileOrigin });
  writeFileSync(manifestFile, JSON.stringify(withFrontPagePolicy(manifest, policy)));
  return copy;
}
