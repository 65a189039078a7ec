#!/usr/bin/env bash
# Runs every test (unit, HTTP, end-to-end against the packaged demo app, and the dashboard
# in a headless browser). Installs what the tests need on a fresh Debian machine first.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium through Debian's chromedriver, never a
# downloaded one.
if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

mvn -B -ntp verify "$@"
