/**
 * Runs after `next build` (package.json "build"): hashes the inline scripts and styles of every
 * prerendered HTML page and writes the manifest proxy.ts serves each page's policy from; then
 * writes the loader that starts a page's app on the reader's first intent (defer-app-scripts.ts)
 * into the build, and publishes `/` with it, as a static file with its policy (front-page-build.ts)
 * and its React payload in a script file apart (loader-html.ts). Pages rendered on first request
 * (the share pages) get the loader and their hashes from the server when first asked for
 * (on-demand-page.ts).
 *
 *   npx tsx app/_server/cli/hash-pages.ts   (reads DATELINE_DIST_DIR, else .next)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inlineHashes } from "../csp-hashes";
import { MANIFEST_FILE, routeOfHtmlFile, type CspManifest } from "../csp-manifest";
import { distDir, tileSettingFromEnv } from "../env";
import { loaderTemplate } from "../defer-app-scripts";
import { LOADER_FILE, PAYLOAD_FOLDER, startOnIntentWithPayloadApart } from "../loader-html";
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
// published page's. The share pages, rendered on demand, get the same loader from the server
// (on-demand-page.ts), which reads it from the build.
const loader = loaderTemplate();
writeFileSync(path.join(dist, LOADER_FILE), loader);
const { html: frontPage, payload } = startOnIntentWithPayloadApart(readFileSync(path.join(appDir, "index.html"), "utf8"), loader);
if (payload) {
  // Next.js lists its static folder as it starts: the file is served by any server started after this.
  const file = path.join(dist, PAYLOAD_FOLDER, payload.name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, payload.code);
  console.log(`hash-pages: /'s React payload moved to ${file}`);
}
manifest["/"] = inlineHashes(frontPage);
writeFileSync(path.join(dist, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
console.log(`hash-pages: ${Object.keys(manifest).length} pages hashed into ${path.join(dist, MANIFEST_FILE)}`);
// `/` is served as a static copy with its policy in the build's header rule (front-page.cjs). The
// page was prerendered with this build's tile setting, so its policy names the same tile host.
const tiles = tileSettingFromEnv();
const copy = publishFrontPage(dist, frontPage, manifest["/"], tiles.kind === "tiles" ? tiles.origin : undefined);
console.log(`hash-pages: / copied to ${copy}, its policy written into ${path.join(dist, "routes-manifest.json")}`);
