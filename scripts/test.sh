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

# The core suites run again on Java 25 where a JDK 25 is found (LEAKS_JAVA25_HOME, else
# the Temurin 25 the machine image carries); without one they are skipped, and this says so.
java25_home="${LEAKS_JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java25=()
if [ -x "$java25_home/bin/java" ] && "$java25_home/bin/java" -version 2>&1 | grep -q 'version "25'; then
  echo "Java 25: core suites also run on $java25_home"
  java25=("-Djava25.home=$java25_home")
else
  echo "Java 25: SKIPPED, no JDK 25 at $java25_home (set LEAKS_JAVA25_HOME to run the core suites on Java 25)"
fi

mvn -B -ntp verify "${java25[@]}" "$@"
