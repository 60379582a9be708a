/**
 * The build's step that makes a page start its app on the reader's first intent
 * (components/startOnIntent.ts): esbuild bundles the loader into a template, which loader-html.ts
 * (`startOnIntentIfItCanWait`) puts into a page in place of Next.js's script tags. The page's
 * other inline scripts (React's payload, Turbopack's chunk list) stay, since they only queue data
 * for the scripts; but the build moves `/`'s payload into a file of its own
 * (`startOnIntentWithPayloadApart`). The loader is inline, so a page is hashed for its policy after
 * this step.
 */
import { buildSync } from "esbuild";
import { LOADER_OPTIONS_PLACEHOLDER } from "./loader-html";

/** The loader's code with LOADER_OPTIONS_PLACEHOLDER where its options go. */
export function loaderTemplate(): string {
  const result = buildSync({
    stdin: {
      // The placeholder is a global name the bundle never declares, so esbuild leaves it as it is.
      contents: `import { startOnIntent } from "./components/startOnIntent";\nstartOnIntent(${LOADER_OPTIONS_PLACEHOLDER});`,
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
