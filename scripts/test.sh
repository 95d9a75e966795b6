#!/usr/bin/env bash
# The whole suite: type check, lint, formatting, every package's tests.
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

step "Lint"
yarn lint:all

step "Formatting (prettier)"
yarn prettier:check

step "Unit, component and database tests (jest)"
# No Docker here: TestDatabases uses only the databases given by connection string.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
# In CI, list every test by name, so the log shows each database it ran on.
verbose=()
[ -n "${CI:-}" ] && verbose=(--verbose)
yarn test:unit --watchAll=false "${verbose[@]}" "$@"

step "End-to-end journeys in Chromium (Playwright)"
bash scripts/e2e.sh
