#!/usr/bin/env bash
# Installs the external load generator of the page-throughput benchmark (item 3): Debian's wrk. On Debian as root it
# installs the package; elsewhere it says what to install (or put a wrk on PATH) and fails.
set -euo pipefail

if command -v wrk >/dev/null 2>&1; then
  exit 0
fi

exec bash "$(dirname "$0")/install-debian-packages.sh" "The page-throughput benchmark (wrk)" wrk
