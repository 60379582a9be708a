#!/usr/bin/env bash
# Installs everything the tests need and runs every test: lint, types, data validation, unit
# tests, npm audit, the production builds (the real data, hostile fixture data and two stories), the browser
# tests and a fuzz run against the production server. Ends with "N passed, N failed".
# This is the README's test command (`npm test` calls it after `npm ci`) and what CI runs.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 DATELINE_TILES=off
mkdir -p test-results
rm -f test-results/*.json

steps_failed=0
: > test-results/failed-steps.txt
step() {
  local name=$1; shift
  echo "::: $name"
  if "$@"; then
    echo "::: $name: ok"
  else
    echo "::: $name: FAILED"
    echo "$name" >> test-results/failed-steps.txt
    steps_failed=$((steps_failed + 1))
  fi
}

step "lint" npx eslint .
step "format" npx prettier --check .
step "typecheck" npx tsc --noEmit
step "validate data" npx tsx geo/cli/validate.ts
# The studio's gazetteer (geo/draft/generated/, not in git), from the installed packages: the unit
# tests and every build below read it. `npm run build` makes it too.
step "gazetteer" npx tsx geo/draft/cli/build-gazetteer.ts
step "unit tests" npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
step "audit" bash tests/audit.sh
# The studio's proposals scored on the annotated set: figures to read, never a failure of their own.
step "eval draft" npx tsx geo/draft/cli/eval.ts

# A second copy of the site built from tests/fixtures/hostile (markup and script in every text
# field) into .next-hostile, for the "hostile" Playwright project. Built before the real one, so
# that next-env.d.ts ends up pointing at .next. (tsconfig.json lists .next-hostile's and
# .next-stories' types, so these builds leave it alone.)
build_hostile() {
  DATELINE_DATA_DIR=tests/fixtures/hostile npx tsx geo/cli/validate.ts &&
    DATELINE_DATA_DIR=tests/fixtures/hostile DATELINE_DIST_DIR=.next-hostile npx next build &&
    DATELINE_DIST_DIR=.next-hostile npx tsx app/_server/cli/hash-pages.ts
}
rm -rf .next-hostile
step "build with hostile data" build_hostile
# A third copy from tests/fixtures/stories-two (two stories sharing places) into .next-stories,
# for the "stories" Playwright project: the story index, story pages and a shared place page.
build_stories() {
  DATELINE_DATA_DIR=tests/fixtures/stories-two npx tsx geo/cli/validate.ts &&
    DATELINE_DATA_DIR=tests/fixtures/stories-two DATELINE_DIST_DIR=.next-stories npx next build &&
    DATELINE_DIST_DIR=.next-stories npx tsx app/_server/cli/hash-pages.ts
}
rm -rf .next-stories
step "build with two stories" build_stories
# The studio (DATELINE_STUDIO=on) in its own build; tests/browser/studio.spec.ts saves a story with it
# into a copy of a fixture folder, then builds the public site from that copy (.next-studio-public).
# (The studio's server reads the gazetteer made by the "gazetteer" step above.)
build_studio() {
  DATELINE_STUDIO=on DATELINE_DIST_DIR=.next-studio npx next build &&
    DATELINE_DIST_DIR=.next-studio npx tsx app/_server/cli/hash-pages.ts
}
rm -rf .next-studio .next-studio-public
step "build with the studio" build_studio
# A story with 10,000 generated events (ACLED-style rows with a fixed seed, imported into the first
# story's context layer; never ACLED's own data) into .next-scale, for the "scale" Playwright
# project: clusters, filters and deep links at that size (tests/browser/scale.spec.ts).
build_scale() {
  npx tsx geo/import/cli/generate-fixture.ts --events 10000 --out test-results/scale-10000 &&
    DATELINE_DATA_DIR=test-results/scale-10000 npx tsx geo/cli/validate.ts &&
    DATELINE_DATA_DIR=test-results/scale-10000 DATELINE_DIST_DIR=.next-scale npx next build &&
    DATELINE_DIST_DIR=.next-scale npx tsx app/_server/cli/hash-pages.ts
}
rm -rf .next-scale
step "build with 10,000 events" build_scale
# next build, then the hashes of each prerendered page's inline scripts for its CSP (as npm run build does).
build_site() {
  npx next build && npx tsx app/_server/cli/hash-pages.ts
}
step "build" build_site
if [ -d .next ] && [ -f .next/BUILD_ID ]; then
  step "browser tests" npx playwright test
else
  echo "::: browser tests: skipped, the build failed"
  echo "browser tests" >> test-results/failed-steps.txt
fi

# Random and adversarial URLs against the production server on a free port (tests/fuzz/fuzz.mjs).
fuzz() {
  local port pid status
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  setsid node_modules/.bin/next start -p "$port" > test-results/fuzz-server.log 2>&1 &
  pid=$!
  for _ in $(seq 60); do
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://localhost:$port/api/places" && break
    sleep 1
  done
  DATELINE_FUZZ_URL="http://localhost:$port" DATELINE_FUZZ_REPORT=test-results/fuzz.json node tests/fuzz/fuzz.mjs
  status=$?
  # The JS size budget prints figures against the 404 page; it informs, it does not fail the run.
  node tests/budget/js-size.mjs "http://localhost:$port" || echo "JS size budget: could not measure"
  kill -- -"$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  return $status
}
# The load test again, through nginx as a caching reverse proxy in front of next start
# (tests/cache/nginx.mjs): / against a static file of its size, once the cache holds them.
load_through_cache() {
  local port cache pid nginx_pid status
  port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  cache=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  setsid node_modules/.bin/next start -p "$port" > test-results/load-cache-server.log 2>&1 &
  pid=$!
  DATELINE_CACHE_PORT=$cache DATELINE_CACHE_UPSTREAM="http://127.0.0.1:$port" setsid node tests/cache/nginx.mjs > test-results/load-cache-nginx.log 2>&1 &
  nginx_pid=$!
  for _ in $(seq 60); do
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "http://127.0.0.1:$cache/api/places" && break
    sleep 1
  done
  DATELINE_LOAD_URL="http://127.0.0.1:$cache" DATELINE_LOAD_REPORT=test-results/load-cache.json node tests/load/load.mjs
  status=$?
  kill -- -"$nginx_pid" -"$pid" 2> /dev/null
  wait "$nginx_pid" "$pid" 2> /dev/null
  return $status
}
# The fuzz run, then the load test (tests/load/load.mjs, about 20 s: its own server, 2500 requests,
# fails on any error or non-2xx; figures in test-results/load.json). Each counts as one test.
if [ -f .next/BUILD_ID ]; then
  step "fuzz" fuzz
  step "load test" env DATELINE_LOAD_REPORT=test-results/load.json node tests/load/load.mjs
  step "load test through the cache" load_through_cache
else
  echo "::: fuzz and load test: skipped, the build failed"
  printf 'fuzz\nload test\nload test through the cache\n' >> test-results/failed-steps.txt
fi

node tests/count-results.mjs
