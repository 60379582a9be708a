/**
 * The build's step that makes a prerendered page start its app on the reader's first intent
 * (components/startOnIntent.ts): Next.js's script tags come out of the page's HTML, and the loader,
 * bundled by esbuild with their files, goes in where the first of them was. The page's inline
 * scripts (React's payload, Turbopack's chunk list) stay: they only queue data for the scripts.
 * The loader is inline, so cli/hash-pages.ts hashes the page after this step.
 */
import { buildSync } from "esbuild";
import { VIEW_QUERY_PATTERN } from "../../geo/url-state";
import type { StartOnIntentOptions } from "../../components/startOnIntent";

/** Next.js's script tags, as it writes them into a prerendered page. */
const APP_SCRIPT = /<script src="([^"]+)" async=""><\/script>/g;

/** The loader for these script files, as the text of an inline `<script>`. */
export function startOnIntentScript(scripts: string[]): string {
  const options: StartOnIntentOptions = { scripts, viewQuery: VIEW_QUERY_PATTERN };
  // `<` escaped, so that no value can close the script element it is inlined into.
  const json = JSON.stringify(options).replaceAll("<", "\\u003c");
  const result = buildSync({
    stdin: {
      contents: `import { startOnIntent } from "./components/startOnIntent";\nstartOnIntent(${json});`,
      resolveDir: process.cwd(), // the project's root: the build and the tests run there
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text.trim();
  if (!code) throw new Error("defer-app-scripts: esbuild produced no loader");
  return code;
}

/**
 * The page with its app's script tags replaced by the loader. Throws when the page has none:
 * then Next.js writes its pages differently than this step expects, and the step must change.
 */
export function deferAppScripts(html: string): string {
  const scripts = [...html.matchAll(APP_SCRIPT)].map(([, src = ""]) => src);
  if (scripts.length === 0) {
    throw new Error('defer-app-scripts: the page has no <script src="…" async=""></script> tags: has Next.js changed how it writes them?');
  }
  let first = true;
  return html.replace(APP_SCRIPT, () => {
    if (!first) return "";
    first = false;
    return `<script>${startOnIntentScript(scripts)}</script>`;
  });
}
