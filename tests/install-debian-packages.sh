#!/usr/bin/env bash
# Installs the Debian packages a test project needs, when run as root on Debian; elsewhere it says what to install and
# fails. Shared by the test projects' prerequisite scripts.
# Usage: install-debian-packages.sh "<who needs them>" package...
set -euo pipefail

who=$1
shift
[ $# -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "$who need: $* (Debian package names). Install them, e.g.:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y $*" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The test projects run in parallel and may each install something: take turns, and wait for any other apt user.
exec 9>/var/lock/hybridspa-apt.lock
flock 9
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
echo "installed: $*"
