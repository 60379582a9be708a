// @ts-check
/**
 * `/` served as a static file. The front page is what a newsroom's traffic lands on, and through
 * Next.js's page pipeline (proxy.ts, then the prerendered page from its cache) it costs about 3 ms
 * of CPU a request: a third of what `next start` does for a static file of the same size. So, for
 * a production build:
 * - `npm run build` (cli/hash-pages.ts) copies the prerendered `index.html` to
 *   `public/_prerendered/<build folder>/index.html`, its script tags replaced by the loader that
 *   starts the app on the reader's first intent (defer-app-scripts.ts), and writes the page's
 *   script policy (the hashes of its inline scripts) into the build's header rule for `/`;
 * - next.config.js rewrites a document request for `/` to that file (a request for the page's React
 *   payload, which carries the `rsc` header, still goes to the page), and proxy.ts leaves `/` alone.
 * The file is the same bytes for every request.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS, for next.config.js
const path = require("node:path");

/** The folder under public/ that holds each build's copy of `/` (not in git: written by the build). */
const PRERENDERED_FOLDER = "_prerendered";

/**
 * The address of a build's copy of `/`: one folder per build folder, since the tests build several
 * side by side. (The name drops a leading dot: Next.js does not serve dot-folders from public/.)
 * @param {string} distDir
 * @returns {string}
 */
function frontPageFile(distDir) {
  const name = path.basename(path.resolve(distDir)).replace(/^\.+/, "");
  return `/${PRERENDERED_FOLDER}/${name}/index.html`;
}

/**
 * next.config.js's rewrite of a document request for `/` to its static copy. None under `next dev`,
 * which has no such copy and renders `/` itself.
 * @param {{ distDir: string, dev: boolean }} options
 */
function frontPageRewrites({ distDir, dev }) {
  if (dev) return [];
  return [{ source: "/", destination: frontPageFile(distDir), missing: [{ type: /** @type {const} */ ("header"), key: "rsc" }] }];
}

module.exports = { PRERENDERED_FOLDER, frontPageFile, frontPageRewrites };
