#!/usr/bin/env bash
# The whole suite: type check, API reports, lint, formatting, dependencies,
# import circles, every package's tests.
# Called by scripts/run.sh test (the README's `npm test`) once the toolchain
# is on PATH and dependencies are installed.
#
# Database tests always run on SQLite, and also on PostgreSQL and MySQL when
# BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING and
# BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING are set (.ci/run sets them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n=== %s\n' "$*"; }

step "Type check (tsc)"
yarn tsc

step "API reports (api-extractor): up to date, every export release-tagged"
# Its own tsc run over the packages' shipped sources (tsconfig.api-reports.json),
# as `yarn build:api-reports` does when it regenerates the reports.
yarn check:api-reports

step "Lint"
yarn lint:all

step "Formatting (prettier)"
yarn prettier:check

step "Dependencies (knip): none unused, none undeclared"
yarn lint:deps

step "Import circles (madge)"
yarn lint:circular

step "Unit, component and database tests (jest)"
# No Docker here: TestDatabases uses only the databases given by connection string.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# In CI, list every test by name, so the log shows each database it ran on.
verbose=()
[ -n "${CI:-}" ] && verbose=(--verbose)
unit_log=$(mktemp)
e2e_log=$(mktemp)
trap 'rm -f "$unit_log" "$e2e_log"' EXIT
yarn test:unit --watchAll=false "${verbose[@]}" "$@" 2>&1 | tee "$unit_log"

step "End-to-end journeys in Chromium (Playwright)"
bash scripts/e2e.sh 2>&1 | tee "$e2e_log"

# One closing line for both runners (each failure above has already stopped the script).
unit=$(sed -n 's/^Tests:.* \([0-9][0-9]*\) passed.*/\1/p' "$unit_log" | tail -n 1)
e2e=$(sed -n 's/^ *\([0-9][0-9]*\) passed.*/\1/p' "$e2e_log" | tail -n 1)
echo
echo "summary: $((${unit:-0} + ${e2e:-0})) passed, 0 failed"
