// Starting, waiting for and stopping the bench's servers, and running `next build`.
// Every server is a child process in its own process group, so that stopping it also stops what
// it started (`next start` runs next-server under it).
import { spawn } from "node:child_process";
import { openSync, closeSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import net from "node:net";

const running = new Set();

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `command args` with its output in `logFile`, then polls `readyUrl` until it answers 200:
 * the server is ready when it serves, not when it prints that it is.
 */
export async function startServer({ name, command, args, cwd, env, readyUrl, logFile, timeoutMs = 60_000 }) {
  const log = openSync(logFile, "w");
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", log, log], detached: true });
  closeSync(log);
  const server = { name, child, exited: false, stop: () => stopServer(server) };
  child.on("exit", () => (server.exited = true));
  running.add(server);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited) break;
    const ok = await fetch(readyUrl, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.arrayBuffer().then(() => response.ok),
      () => false,
    );
    if (ok) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopServer(server);
  const tail = readFileSync(logFile, "utf8").trim().split("\n").slice(-15).join("\n");
  throw new Error(
    `${name} ${server.exited ? `exited (code ${child.exitCode})` : `did not answer ${readyUrl} within ${timeoutMs / 1000} s`}; ` +
      `the end of ${logFile}:\n${tail}`,
  );
}

/** SIGTERM to the server's process group, SIGKILL if it is still there after 5 s. */
export async function stopServer(server) {
  running.delete(server);
  if (server.exited) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  const signal = (name) => {
    try {
      process.kill(-server.child.pid, name);
    } catch {
      // the group is already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function stopAllServers() {
  await Promise.all([...running].map(stopServer));
}

/** Last resort when the process is exiting: no awaiting possible, so SIGKILL every group left. */
export function killAllServersNow() {
  for (const server of running) {
    try {
      process.kill(-server.child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  running.clear();
}

/**
 * Runs `next build` in `cwd` with its output in `logFile`. `next build` adds its dist dir's type
 * folders to tsconfig.json's "include"; when `tsconfig` is given, the entries this build added for
 * `distDir` are taken out again, and nothing else is touched (others may be editing the file).
 * With `hashPages`, it then writes the pages' script hashes as `npm run build` does (Dateline's
 * own build only: the bare Next.js baseline has no such step).
 */
export async function nextBuild({ cwd, env, logFile, tsconfig, distDir, hashPages = false }) {
  const includedBefore = tsconfig && existsSync(tsconfig) ? (JSON.parse(readFileSync(tsconfig, "utf8")).include ?? []) : null;
  const log = openSync(logFile, "w");
  const child = spawn("node_modules/.bin/next", ["build"], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", log, log] });
  closeSync(log);
  const code = await new Promise((resolve) => child.on("exit", (exitCode, signal) => resolve(exitCode ?? signal)));
  if (includedBefore) dropAddedIncludes(tsconfig, includedBefore, distDir);
  if (code !== 0) {
    // From the first line that names an error: the end of the log is mostly import traces.
    const lines = readFileSync(logFile, "utf8").trim().split("\n");
    const first = lines.findIndex((line) => /\b(error|failed)\b/i.test(line));
    const excerpt = (first >= 0 ? lines.slice(first, first + 20) : lines.slice(-20)).join("\n");
    throw new Error(`next build in ${cwd} failed (${code}); from ${logFile}:\n${excerpt}`);
  }
  if (!hashPages) return;
  // As `npm run build` does: the pages' script hashes for their CSP, without which they do not hydrate.
  const hash = spawn("node_modules/.bin/tsx", ["app/_server/cli/hash-pages.ts"], {
    cwd,
    env: { ...process.env, ...env },
    stdio: "inherit",
  });
  const hashed = await new Promise((resolve) => hash.on("exit", (exitCode, signal) => resolve(exitCode ?? signal)));
  if (hashed !== 0) throw new Error(`hash-pages in ${cwd} failed (${hashed})`);
}

function dropAddedIncludes(tsconfig, includedBefore, distDir) {
  const config = JSON.parse(readFileSync(tsconfig, "utf8"));
  const prefix = distDir.replace(/^\.\//, "").replace(/\/$/, "") + "/";
  const include = (config.include ?? []).filter((entry) => includedBefore.includes(entry) || !entry.startsWith(prefix));
  if (include.length === (config.include ?? []).length) return;
  writeFileSync(tsconfig, JSON.stringify({ ...config, include }, null, 2) + "\n");
}
