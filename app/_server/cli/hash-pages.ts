/**
 * Runs after `next build` (package.json "build"): hashes the inline scripts and styles of every
 * prerendered HTML page and writes the manifest proxy.ts serves each page's policy from. Pages
 * rendered on first request (the share pages) are hashed by proxy.ts when first asked for.
 *
 *   npx tsx app/_server/cli/hash-pages.ts   (reads DATELINE_DIST_DIR, else .next)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inlineHashes } from "../csp-hashes";
import { MANIFEST_FILE, routeOfHtmlFile, type CspManifest } from "../csp-manifest";
import { distDir } from "../env";

const dist = distDir();
const appDir = path.join(dist, "server", "app");
const manifest: CspManifest = {};
for (const entry of readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
  if (!entry.endsWith(".html")) continue;
  manifest[routeOfHtmlFile(entry)] = inlineHashes(readFileSync(path.join(appDir, entry), "utf8"));
}
if (!manifest["/"] || !manifest["/_not-found"]) {
  console.error(`hash-pages: ${appDir} has no prerendered / or /_not-found page; did next build run with this DATELINE_DIST_DIR?`);
  process.exit(1);
}
writeFileSync(path.join(dist, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(`hash-pages: ${Object.keys(manifest).length} pages hashed into ${path.join(dist, MANIFEST_FILE)}`);
