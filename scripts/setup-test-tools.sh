#!/usr/bin/env bash
# Installs, once, the Debian packages the integration tests and the bench run for real,
# and says so: pre-commit (the pre-commit framework, for the hook-manager tests) and gitlint
# (the bench's baseline for the commit-msg hook). Run by `npm test` before the suites;
# a no-op when both are present. The e2e host has its own setup (setup-vscode-host.sh).
set -euo pipefail
need=()
command -v pre-commit >/dev/null 2>&1 || need+=(pre-commit)
command -v gitlint >/dev/null 2>&1 || need+=(gitlint)
# shellcheck source=lib/aptInstall.sh
. "$(dirname "$0")/lib/aptInstall.sh"
apt_install ${need[@]+"${need[@]}"}
