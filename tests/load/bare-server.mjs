// The baseline for /api/events in the load test: a bare node:http server that answers each path
// with bytes fetched once from Dateline (the same body, Content-Type and ETag), and nothing else.
// What Dateline's route costs beyond this is its own overhead.
//   node tests/load/bare-server.mjs <port> <manifest.json>
// The manifest maps each path to { headers, file } (the body's file).
import { readFileSync } from "node:fs";
import http from "node:http";

const [port, manifestFile] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
const answers = new Map(Object.entries(manifest).map(([path, { headers, file }]) => [path, { headers, body: readFileSync(file) }]));

http
  .createServer((request, response) => {
    const answer = answers.get(request.url);
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { ...answer.headers, "Content-Length": answer.body.byteLength });
    response.end(answer.body);
  })
  .listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
