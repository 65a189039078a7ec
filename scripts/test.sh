#!/usr/bin/env bash
# Runs every test (unit, HTTP, end-to-end against the packaged demo app, and the dashboard
# in a headless browser). Installs what the tests need on a fresh Debian machine first.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need, installed when missing: the browser tests drive Debian's
# Chromium through Debian's chromedriver (never a downloaded one); the Prometheus rule
# tests run Debian's promtool, and the alert and board tests a real Prometheus server.
packages=()
if [ ! -x /usr/bin/chromedriver ] || [ ! -x /usr/bin/chromium ]; then
  packages+=(chromium chromium-driver)
fi
if [ ! -x /usr/bin/prometheus ] || [ ! -x /usr/bin/promtool ]; then
  packages+=(prometheus)
fi
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
fi

mvn -B -ntp verify "$@"
