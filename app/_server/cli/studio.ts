/**
 * `npm run studio`: the studio on the newsroom's own machine. Makes the proposal engine's gazetteer
 * (`npm run gazetteer`), builds the app with the studio in (DATELINE_STUDIO=on) into its own
 * folder, `.next-studio` (so the public build in `.next` is left alone), hashes its pages for
 * their CSP, and starts it on http://localhost:3001 (PORT to change).
 * It reads and writes the data folder, DATELINE_DATA_DIR (else geo/data). Nothing is fetched from
 * the network: the places and the basemap are in the build.
 *
 *   npm run studio                      build, then start
 *   npm run studio -- --no-build        start the last studio build
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { DATA_DIR, shownPath } from "../../../geo/load";

const env = {
  ...process.env,
  DATELINE_STUDIO: "on",
  DATELINE_DIST_DIR: process.env.DATELINE_DIST_DIR?.trim() || ".next-studio",
  DATELINE_TILES: process.env.DATELINE_TILES ?? "off",
  NEXT_TELEMETRY_DISABLED: "1",
};
const port = process.env.PORT?.trim() || "3001";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

/** Runs a step with the studio's settings, and stops here if it fails. */
function run(args: string[]): void {
  const result = spawnSync(npx, args, { env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`npm run studio: "${args.join(" ")}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes("--no-build")) {
  run(["tsx", path.join("geo", "draft", "cli", "build-gazetteer.ts")]);
  run(["next", "build"]);
  run(["tsx", path.join("app", "_server", "cli", "hash-pages.ts")]);
}
console.log(`Dateline studio: http://localhost:${port}/studio (data folder ${shownPath(DATA_DIR)}, build ${env.DATELINE_DIST_DIR})`);
run(["next", "start", "-p", port]);
