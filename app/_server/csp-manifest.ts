/**
 * The page hashes the build records (cli/hash-pages.ts) and the server reads (proxy.ts): one JSON
 * file in the dist folder mapping each prerendered page's path to its inline scripts' and styles'
 * hashes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PageHashes } from "./csp-hashes";

export type CspManifest = Record<string, PageHashes>;

export const MANIFEST_FILE = "dateline-csp-hashes.json";

/** The path Next.js serves a prerendered HTML file at: `index.html` is `/`, `stories/x.html` is `/stories/x`. */
export function routeOfHtmlFile(relative: string): string {
  const route = `/${relative
    .split(path.sep)
    .join("/")
    .replace(/\.html$/, "")}`;
  return route === "/index" ? "/" : route;
}

/**
 * The manifest of a build, or an empty one (with a message) when the build step did not run:
 * pages then get a policy with no hashes, which keeps them readable but stops their scripts, so
 * the mistake shows at once instead of the policy being loosened.
 */
export function readManifest(distDir: string): CspManifest {
  const file = path.join(distDir, MANIFEST_FILE);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as CspManifest;
  } catch (error) {
    console.error(`Dateline: no page hashes in ${file} (${String(error)}); run "npm run build", which writes them after next build.`);
    return {};
  }
}
