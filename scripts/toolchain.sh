# shellcheck shell=bash
# Sourced by scripts/run.sh and .ci/run: puts Node 22/24 and Yarn 4 on PATH.
# See "Why the toolchain looks like this" in the README.

# The Node used when the machine has no Node 22 or 24 of its own.
POSTMORTEMS_NODE_VERSION="22.23.3"
# The Yarn release committed in .yarn/releases (also `packageManager` in package.json).
POSTMORTEMS_YARN_RELEASE=".yarn/releases/yarn-4.13.0.cjs"

toolchain_log() { echo "[toolchain] $*" >&2; }

node_major() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

toolchain_setup() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  # Scripts started by `npm run` inherit npm's configuration as npm_config_*
  # variables (here: nodedir=/usr, Node 20's headers). Yarn and node-gyp must
  # not see them, or native modules get built for the wrong Node.
  local var
  for var in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do
    unset "$var"
  done

  local major
  major="$(node_major)"
  if [ "$major" != 22 ] && [ "$major" != 24 ]; then
    local dir="${POSTMORTEMS_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/postmortems-backstage}/node-$POSTMORTEMS_NODE_VERSION"
    local bin
    bin="$(ls -d "$dir"/node_modules/node/node_modules/node-*/bin 2>/dev/null | head -n 1 || true)"
    if [ -z "$bin" ] || [ ! -x "$bin/node" ]; then
      toolchain_log "Node $(node --version 2>/dev/null || echo 'none') found; installing Node $POSTMORTEMS_NODE_VERSION from the npm registry into $dir"
      mkdir -p "$dir"
      # A package.json of its own keeps npm from treating the folder as part of any workspace.
      [ -f "$dir/package.json" ] || echo '{"name":"postmortems-toolchain","private":true}' >"$dir/package.json"
      (cd "$dir" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$POSTMORTEMS_NODE_VERSION" >&2)
      bin="$(ls -d "$dir"/node_modules/node/node_modules/node-*/bin | head -n 1)"
    fi
    export PATH="$bin:$PATH"
  fi

  # node-gyp: build against the headers of the Node that will load the module.
  local home
  home="$(dirname "$(dirname "$(node -p process.execPath)")")"
  if [ -f "$home/include/node/node.h" ]; then
    export npm_config_nodedir="$home"
  fi

  # Yarn from the repository, whatever yarn the machine may (not) have.
  local shim="$root/.toolchain/bin"
  mkdir -p "$shim"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$root/$POSTMORTEMS_YARN_RELEASE" >"$shim/yarn"
  chmod +x "$shim/yarn"
  export PATH="$shim:$PATH"

  toolchain_log "node $(node --version), yarn $(yarn --version)"
}

toolchain_install() {
  if [ -n "${CI:-}" ]; then
    yarn install --immutable
  else
    yarn install
  fi
}
