#!/usr/bin/env bash
# End-to-end journeys in a real browser: Debian's Chromium driven by
# Playwright (Playwright's own browser download does not work offline).
# Installs Chromium, and the CJK fonts that make Japanese readable in the
# screenshots, from Debian's packages when they are missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'cjk'; then :; else need+=(fonts-noto-cjk); fi

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[e2e] installing ${need[*]} from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "[e2e] please install: ${need[*]} (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

# Run on its own (not through scripts/run.sh), it puts Node 22 and Yarn on PATH first.
if ! command -v yarn >/dev/null 2>&1; then
  # shellcheck source=scripts/toolchain.sh
  source scripts/toolchain.sh
  toolchain_setup
fi

yarn test:e2e "$@"
