#!/usr/bin/env bash
# Installs the PostgreSQL server the scale-out tests run a throwaway cluster of (initdb, pg_ctl). On Debian as root it
# installs Debian's package (which also creates the `postgres` user the cluster runs as when the tests run as root);
# elsewhere it says what to install (or put a PostgreSQL bin directory on PATH) and fails.
set -euo pipefail

if command -v pg_ctl >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  exit 0
fi

exec bash "$(dirname "$0")/../install-debian-packages.sh" "The scale-out tests (initdb, pg_ctl)" postgresql
