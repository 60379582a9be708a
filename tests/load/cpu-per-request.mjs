// The server's CPU time per request for each path, from /proc/<pid>/stat: a figure that a shared,
// busy machine disturbs far less than requests per second. Each path is warmed up with as many
// requests as are measured, then measured; give a path twice to see how steady the figure is.
//
//   node tests/load/cpu-per-request.mjs http://127.0.0.1:3000 <pid of the server> / /_next/static/chunks/<file>.js
//
// (The pid is the process listening on the port: `ss -ltnp | grep :3000`.)
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [url, pid, ...paths] = process.argv.slice(2);
if (!url || !pid || paths.length === 0) {
  console.error("usage: node tests/load/cpu-per-request.mjs <server url> <server pid> <path>...");
  process.exit(2);
}
const REQUESTS = 2000;

/** User and system CPU of the process so far, in clock ticks (fields 14 and 15 of its stat line). */
function cpuTicks() {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}
const MS_PER_TICK = 10; // USER_HZ is 100 on Linux

for (const path of paths) {
  const run = () => autocannon({ url, connections: 10, amount: REQUESTS, requests: [{ method: "GET", path }] });
  await run();
  const before = cpuTicks();
  const result = await run();
  const perRequest = ((cpuTicks() - before) * MS_PER_TICK) / result["2xx"];
  console.log(`${path.padEnd(48)} ${perRequest.toFixed(3)} ms CPU per request (${result["2xx"]} answered 2xx, ${result.non2xx} not)`);
}
