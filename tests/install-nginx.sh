#!/usr/bin/env bash
# The cache tests put Debian's nginx, as a caching reverse proxy, in front of `next start`
# (tests/cache/nginx.mjs). Installed like Chromium: only if missing, and only as root.
set -euo pipefail
if command -v nginx > /dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "nginx is missing: run 'sudo apt-get install -y nginx-light' (Debian) and try again." >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light > /dev/null
