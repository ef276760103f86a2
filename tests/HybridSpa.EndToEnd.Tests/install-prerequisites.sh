#!/usr/bin/env bash
# Installs what the browser tests need on a Debian machine: Chromium (Playwright cannot download its
# own browser here) and certutil (to trust the tests' certificate in Chromium's NSS database).
# Elsewhere it says what to install and fails.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v certutil >/dev/null 2>&1 || missing+=(libnss3-tools)
[ ${#missing[@]} -eq 0 ] && exit 0

exec bash "$(dirname "$0")/install-debian-packages.sh" "The browser tests" "${missing[@]}"
