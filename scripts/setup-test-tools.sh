#!/usr/bin/env bash
# Installs, once, the Debian packages the integration tests and the bench run for real,
# and says so: pre-commit (the pre-commit framework, for the hook-manager tests) and gitlint
# (the bench's baseline for the commit-msg hook). Run by `npm test` before the suites;
# a no-op when both are present. The e2e host has its own setup (setup-vscode-host.sh).
set -euo pipefail
need=()
command -v pre-commit >/dev/null 2>&1 || need+=(pre-commit)
command -v gitlint >/dev/null 2>&1 || need+=(gitlint)
[ ${#need[@]} -eq 0 ] && exit 0
echo "[setup] installing with apt-get: ${need[*]}" >&2
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
log="$(mktemp)"
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
       --no-install-recommends "${need[@]}"; } >"$log" 2>&1 </dev/null; then
  tail -n 40 "$log" >&2; rm -f "$log"; echo "[setup] apt-get install failed" >&2; exit 1
fi
rm -f "$log"
