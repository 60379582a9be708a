// The studio server for the Playwright project "studio": a fresh copy of a fixture data folder
// (tests/fixtures/stories-two without its first story, which the test writes back through the
// studio, with geo/data's actors and its second story on the front page), then `next start` of the studio build (.next-studio) reading and writing that copy.
//   DATELINE_STUDIO_DATA: the copy's folder; DATELINE_STUDIO_PORT: the port.
import { spawn } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const data = process.env.DATELINE_STUDIO_DATA ?? "test-results/studio-data";
rmSync(data, { recursive: true, force: true });
cpSync("tests/fixtures/stories-two", data, { recursive: true });
rmSync(path.join(data, "stories", "2020-01-08-putin-visits-syria"), { recursive: true });
// The actor registry as geo/data keeps it, with the aliases the proposal engine matches names by.
cpSync("geo/data/actors.json", path.join(data, "actors.json"));
// The folder stays valid, as a newsroom's is: the remaining story becomes the front page.
const second = path.join(data, "stories", "2021-03-03-rockets-hit-ain-al-asad", "story.json");
writeFileSync(second, `${JSON.stringify({ ...JSON.parse(readFileSync(second, "utf8")), frontPage: true }, null, 2)}\n`);

const server = spawn("npx", ["next", "start", "-p", process.env.DATELINE_STUDIO_PORT ?? "3214"], {
  stdio: "inherit",
  env: { ...process.env, DATELINE_STUDIO: "on", DATELINE_DATA_DIR: data, DATELINE_TILES: "off", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
