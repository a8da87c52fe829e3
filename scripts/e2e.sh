#!/usr/bin/env bash
# End-to-end tests: build the app into its own folder, then Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
export NEXT_TELEMETRY_DISABLED=1 NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-e2e}"
npx next build > "${TMPDIR:-/tmp}/cohort-e2e-build.log" 2>&1 || { cat "${TMPDIR:-/tmp}/cohort-e2e-build.log"; exit 1; }
exec npx playwright test "$@"
