#!/usr/bin/env bash
# Installs what the browser tests need on a Debian machine: Chromium (Playwright cannot download its
# own browser here) and certutil (to trust the tests' certificate in Chromium's NSS database).
# Elsewhere it says what to install and fails.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The browser tests need: ${missing[*]} (Debian package names). Install them, e.g.:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# The test projects run in parallel and may each install something: take turns, and wait for any other apt user.
exec 9>/var/lock/hybridspa-apt.lock
flock 9
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "installed: ${missing[*]}"
