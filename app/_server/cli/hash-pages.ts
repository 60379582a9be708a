/**
 * Runs after `next build` (package.json "build"): hashes the inline scripts and styles of every
 * prerendered HTML page and writes the manifest proxy.ts serves each page's policy from; then
 * publishes `/`, made to start its app on the reader's first intent (defer-app-scripts.ts), as a
 * static file with its policy (front-page-build.ts). Pages
 * rendered on first request (the share pages) are hashed by proxy.ts when first asked for.
 *
 *   npx tsx app/_server/cli/hash-pages.ts   (reads DATELINE_DIST_DIR, else .next)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inlineHashes } from "../csp-hashes";
import { MANIFEST_FILE, routeOfHtmlFile, type CspManifest } from "../csp-manifest";
import { distDir, tileSettingFromEnv } from "../env";
import { deferAppScripts } from "../defer-app-scripts";
import { publishFrontPage } from "../front-page-build";

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
// `/` starts its app on the reader's first intent (defer-app-scripts.ts): its policy is the
// published page's.
const frontPage = deferAppScripts(readFileSync(path.join(appDir, "index.html"), "utf8"));
manifest["/"] = inlineHashes(frontPage);
writeFileSync(path.join(dist, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(`hash-pages: ${Object.keys(manifest).length} pages hashed into ${path.join(dist, MANIFEST_FILE)}`);
// `/` is served as a static copy with its policy in the build's header rule (front-page.cjs). The
// page was prerendered with this build's tile setting, so its policy names the same tile host.
const tiles = tileSettingFromEnv();
const copy = publishFrontPage(dist, frontPage, manifest["/"], tiles.kind === "tiles" ? tiles.origin : undefined);
console.log(`hash-pages: / copied to ${copy}, its policy written into ${path.join(dist, "routes-manifest.json")}`);
