#!/usr/bin/env bash
# npm audit of the packages the app ships (no dev tools), failing on high or critical advisories.
# A registry that refuses the audit call (some mirrors answer 405) is reported, not failed: that
# says nothing about the packages, and the run must not hinge on it.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high 2>&1)
status=$?
echo "$out"
if [ $status -ne 0 ] && grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|405 Method Not Allowed" <<< "$out"; then
  echo "npm audit could not reach an audit endpoint: no result, not counted as a failure."
  exit 0
fi
exit $status
