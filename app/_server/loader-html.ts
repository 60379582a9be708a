/**
 * Puts the loader that starts a page's app on the reader's first intent
 * (components/startOnIntent.ts) into a page's HTML, in place of Next.js's script tags. The loader
 * comes as a template, bundled by esbuild at build (defer-app-scripts.ts) with a placeholder for
 * its options, so that the server can do this to a page rendered on demand with string work alone.
 */
import { createHash } from "node:crypto";
import { VIEW_QUERY_PATTERN } from "../../geo/url-state";
import type { StartOnIntentOptions } from "../../components/startOnIntent";

/** The loader's template, in the build's folder (written by cli/hash-pages.ts). */
export const LOADER_FILE = "dateline-start-on-intent.js";

/** The global name the template has where its options go. */
export const LOADER_OPTIONS_PLACEHOLDER = "__DATELINE_LOADER_OPTIONS__";

/** Next.js's script tags, as it writes them into a page. */
const APP_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;

/**
 * React's payload, as Next.js inlines it into a page: scripts that only queue data for its runtime
 * (`self.__next_f`), the first of which creates the queue. Next.js writes `<` in them as `\u003c`,
 * so none holds one.
 */
const PAYLOAD_SCRIPT = /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\([^<]*\))<\/script>/g;

/** Where a build's payload files are: Next.js serves its static folder as immutable. */
export const PAYLOAD_FOLDER = "static/dateline";

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

/** A script file the build writes: its name in PAYLOAD_FOLDER and its code. */
export interface PayloadFile {
  name: string;
  code: string;
}

/**
 * For a page published at build (`/`): as startOnIntentIfItCanWait, and React's payload moved out
 * of the HTML into a file of its own, which the loader adds before Next.js's scripts. Until the
 * reader reaches for the page the payload is only text the browser parses for nothing, and it is
 * half the page: out of it, the page parses, lays out and paints in fewer, shorter tasks. The file
 * is named by its content, so any cache may keep it for good.
 */
export function startOnIntentWithPayloadApart(html: string, template: string): { html: string; payload?: PayloadFile } {
  if (!FIRST_VIEW.test(html)) return { html };
  const scripts = [...html.matchAll(PAYLOAD_SCRIPT)].map(([, code = ""]) => code);
  if (scripts.length === 0) return { html: withLoader(html, template) };
  const code = `${scripts.join(";\n")};\n`;
  const hash = createHash("sha256").update(code).digest("base64url").slice(0, 16);
  const payload = { name: `payload-${hash}.js`, code };
  const lean = html.replace(PAYLOAD_SCRIPT, "");
  if (lean.includes("self.__next_f")) {
    throw new Error("loader-html: part of React's payload is in a form this does not know: has Next.js changed how it writes it?");
  }
  return { html: withLoader(lean, template, `/_next/${PAYLOAD_FOLDER}/${payload.name}`), payload };
}

/**
 * The page with its app's script tags replaced by the loader, inline where the first of them was.
 * Throws when the page has none (Next.js writes its pages differently than this expects) or the
 * template has no place for the options.
 */
export function withLoader(html: string, template: string, payload?: string): string {
  if (template.split(LOADER_OPTIONS_PLACEHOLDER).length !== 2) {
    throw new Error(`loader-html: the loader's template must name ${LOADER_OPTIONS_PLACEHOLDER} exactly once`);
  }
  const scripts = [...html.matchAll(APP_SCRIPT)].map(([, src = ""]) => src);
  if (scripts.length === 0) {
    throw new Error('loader-html: the page has no <script src="…" async=""></script> tags: has Next.js changed how it writes them?');
  }
  const options: StartOnIntentOptions = { scripts, payload, viewQuery: VIEW_QUERY_PATTERN };
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
