// Runs Debian's nginx as a caching reverse proxy on loopback in front of a running `next start`,
// as a CDN or a newsroom's own cache would sit, until it is stopped. Every answer says whether the
// cache served it (`X-Cache-Status: HIT`, `MISS`, `EXPIRED`, …). The cache honours the app's own
// Cache-Control and ETag: nothing here decides what may be kept or for how long.
//
//   DATELINE_CACHE_PORT=3503 DATELINE_CACHE_UPSTREAM=http://127.0.0.1:3500 node tests/cache/nginx.mjs
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const port = Number(process.env.DATELINE_CACHE_PORT ?? 3213);
const upstream = new URL(process.env.DATELINE_CACHE_UPSTREAM ?? "http://127.0.0.1:3210");
const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => existsSync(file));
if (!nginx) {
  console.error("nginx is missing: bash tests/install-nginx.sh (as root) installs Debian's.");
  process.exit(1);
}

// A fresh, empty cache for every run, in a folder of its own per port.
const dir = path.resolve("test-results", `nginx-${port}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(path.join(dir, "cache"), { recursive: true });
const config = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=dateline:10m max_size=256m inactive=1d use_temp_path=off;
  upstream next { server ${upstream.host}; keepalive 16; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://next;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host ${upstream.host};
      proxy_cache dateline;
      # One entry per URL, query included: each filtered link and API query is its own answer.
      proxy_cache_key $scheme$host$request_uri;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
      proxy_cache_background_update on;
      proxy_cache_use_stale updating error timeout;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
writeFileSync(path.join(dir, "nginx.conf"), config);
const child = spawn(nginx, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "inherit" });
console.log(`nginx on http://127.0.0.1:${port} caching ${upstream.origin} (config ${dir}/nginx.conf)`);
const stop = () => child.kill("SIGQUIT");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
