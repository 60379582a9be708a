#!/usr/bin/env bash
# Installs everything the tests need and runs every test: lint, types, data validation, unit
# tests, the production build and the browser tests. Ends with "N passed, N failed".
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
step "unit tests" npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json
step "build" npx next build
if [ -d .next ] && [ -f .next/BUILD_ID ]; then
  step "browser tests" npx playwright test
else
  echo "::: browser tests: skipped, the build failed"
  echo "browser tests" >> test-results/failed-steps.txt
fi

node tests/count-results.mjs
