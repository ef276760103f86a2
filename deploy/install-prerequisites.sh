#!/usr/bin/env bash
# Installs what the local production topology runs besides .NET: nginx (TLS and load balancing), redis-server (the
# shared state) and prometheus (scrapes the instances; apt may also start Debian's own prometheus service on :9090, which
# the topology leaves alone: its prometheus listens on a port of its own). As root on Debian it installs the missing packages; elsewhere it names them and fails.
set -euo pipefail

found() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
missing=()
found nginx || missing+=(nginx)
found redis-server || missing+=(redis-server)
found prometheus || missing+=(prometheus)
[ ${#missing[@]} -eq 0 ] && exit 0

exec bash "$(dirname "$0")/../tests/install-debian-packages.sh" "The local production topology" "${missing[@]}"
