/**
 * Puts the loader that starts a page's app on the reader's first intent
 * (components/startOnIntent.ts) into a page's HTML, in place of Next.js's script tags. The loader
 * comes as a template, bundled by esbuild at build (defer-app-scripts.ts) with a placeholder for
 * its options, so that the server can do this to a page rendered on demand with string work alone.
 */
import { VIEW_QUERY_PATTERN } from "../../geo/url-state";
import type { StartOnIntentOptions } from "../../components/startOnIntent";

/** The loader's template, in the build's folder (written by cli/hash-pages.ts). */
export const LOADER_FILE = "dateline-start-on-intent.js";

/** The global name the template has where its options go. */
export const LOADER_OPTIONS_PLACEHOLDER = "__DATELINE_LOADER_OPTIONS__";

/** Next.js's script tags, as it writes them into a page. */
const APP_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;

/** The map's first view, as MapLoader.tsx writes it into a page. */
const FIRST_VIEW = /<div class="first-view"/;

/**
 * The page made to start its app on the reader's first intent if it can wait for it: if its map's
 * first view is in its HTML (components/map/FirstView.tsx). A page without one (a story that
 * clusters, or whose map opens on a later event) needs its app to draw its map at all: it is left
 * as it is, and starts as it loads.
 */
export function startOnIntentIfItCanWait(html: string, template: string): string {
  return FIRST_VIEW.test(html) ? withLoader(html, template) : html;
}

/**
 * The page with its app's script tags replaced by the loader, inline where the first of them was.
 * Throws when the page has none (Next.js writes its pages differently than this expects) or the
 * template has no place for the options.
 */
export function withLoader(html: string, template: string): string {
  if (template.split(LOADER_OPTIONS_PLACEHOLDER).length !== 2) {
    throw new Error(`loader-html: the loader's template must name ${LOADER_OPTIONS_PLACEHOLDER} exactly once`);
  }
  const scripts = [...html.matchAll(APP_SCRIPT)].map(([, src = ""]) => src);
  if (scripts.length === 0) {
    throw new Error('loader-html: the page has no <script src="…" async=""></script> tags: has Next.js changed how it writes them?');
  }
  const options: StartOnIntentOptions = { scripts, viewQuery: VIEW_QUERY_PATTERN };
  // `<` escaped, so that no value can close the script element it is inlined into.
  const json = JSON.stringify(options).replaceAll("<", "\\u003c");
  const loader = `<script>${template.replace(LOADER_OPTIONS_PLACEHOLDER, () => json)}</script>`;
  let first = true;
  return html.replace(APP_SCRIPT, () => {
    if (!first) return "";
    first = false;
    return loader;
  });
}
