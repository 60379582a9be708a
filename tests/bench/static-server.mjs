// The bench's tiny static server for the bare Leaflet page: serves the files of one folder from
// memory, gzipped when the browser accepts it (as `next start` does), and nothing else.
//   node tests/bench/static-server.mjs <folder> <port>
import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";

const [folder, port] = process.argv.slice(2);
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".json": "application/json",
};

const files = new Map();
for (const name of readdirSync(folder)) {
  const body = readFileSync(join(folder, name));
  files.set(`/${name}`, { body, gzipped: gzipSync(body), type: TYPES[extname(name)] ?? "application/octet-stream" });
}

createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const file = files.get(path === "/" ? "/index.html" : path);
  if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
    response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return;
  }
  const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
  const body = gzip ? file.gzipped : file.body;
  response.writeHead(200, {
    "Content-Type": file.type,
    "Content-Length": body.length,
    "Cache-Control": "no-store",
    ...(gzip ? { "Content-Encoding": "gzip", Vary: "Accept-Encoding" } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : body);
}).listen(Number(port), "127.0.0.1");
