#!/usr/bin/env bash
# `npm test`: every test — unit and integration (vitest, against a real
# database), then end-to-end (Playwright in Chromium). With TEST_DATABASE_URL
# set, both run on throwaway databases on that PostgreSQL server; without it,
# on embedded PGlite. Ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/vitest.json test-results/e2e.json

npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
unit=$?
E2E_JSON=test-results/e2e.json bash scripts/e2e.sh
e2e=$?

node scripts/test-summary.mjs test-results/vitest.json test-results/e2e.json
[ $unit -eq 0 ] && [ $e2e -eq 0 ]
