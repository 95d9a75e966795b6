#!/usr/bin/env bash
# The single entry point behind the README's commands (`npm start`, `npm test`).
#
# Backstage 1.55 needs Node 22 or 24 and Yarn 4; a fresh machine here may have
# only Node 20 and npm. So this script:
#   1. uses the `node` on PATH when it is 22 or 24, and otherwise installs a
#      pinned Node 22 from the npm registry (package `node`) into a cache folder;
#   2. points node-gyp at the headers of that same Node (npm_config_nodedir), so
#      native modules such as better-sqlite3 compile for the Node that loads them;
#   3. runs the Yarn release committed in .yarn/releases (no global yarn needed)
#      to install from the committed yarn.lock;
#   4. runs the requested task through Yarn.
#
# Usage: scripts/run.sh start | start:backend | test | install | yarn <args…>
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=scripts/toolchain.sh
source "$ROOT/scripts/toolchain.sh"
toolchain_setup

task="${1:-}"
[ $# -gt 0 ] && shift

case "$task" in
  install)
    toolchain_install
    ;;
  start)
    toolchain_install
    exec yarn run start:dev "$@"
    ;;
  start:backend)
    toolchain_install
    exec yarn workspace backend start "$@"
    ;;
  test)
    toolchain_install
    exec bash "$ROOT/scripts/test.sh" "$@"
    ;;
  yarn)
    exec yarn "$@"
    ;;
  *)
    echo "usage: scripts/run.sh start | start:backend | test | install | yarn <args…>" >&2
    exit 2
    ;;
esac
