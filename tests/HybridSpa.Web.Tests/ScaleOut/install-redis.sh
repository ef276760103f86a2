#!/usr/bin/env bash
# Installs the Redis server the scale-out tests run a throwaway instance of (redis-server). On Debian as root it installs
# Debian's package; elsewhere it says what to install (or put a redis-server on PATH) and fails.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

exec bash "$(dirname "$0")/../install-debian-packages.sh" "The scale-out tests (redis-server)" redis-server
