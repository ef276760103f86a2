#!/usr/bin/env bash
# Installs the PostgreSQL server the scale-out tests run a throwaway cluster of (initdb, pg_ctl). On Debian as root it
# installs Debian's package (which also creates the `postgres` user the cluster runs as when the tests run as root);
# elsewhere it says what to install and fails.
set -euo pipefail

if command -v pg_ctl >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The scale-out tests need the PostgreSQL server binaries (initdb, pg_ctl). Install them, e.g.:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y postgresql" >&2
  echo "or put a PostgreSQL bin directory on PATH." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The test projects run in parallel and may each install something: take turns, and wait for any other apt user.
exec 9>/var/lock/hybridspa-apt.lock
flock 9
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends postgresql >/dev/null
echo "installed: postgresql"
