# Sourced by the set-up scripts: apt_install PKG... installs the given Debian packages
# (as root, else with sudo), says so on stderr, shows apt's log only when it fails,
# and does nothing without arguments.
apt_install() {
  [ "$#" -gt 0 ] || return 0
  echo "[setup] installing with apt-get: $*" >&2
  local sudo="" log
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  log="$(mktemp)"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
         --no-install-recommends "$@"; } >"$log" 2>&1 </dev/null; then
    tail -n 40 "$log" >&2; rm -f "$log"; echo "[setup] apt-get install failed" >&2; return 1
  fi
  rm -f "$log"
}
