#!/usr/bin/env bash
# action/build.sh: build osprey from the action's own source on a GitHub-hosted Ubuntu runner and
# put it on PATH for the following steps.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v cmake >/dev/null || ! pkg-config --exists jansson libcurl yaml-0.1 libpcre2-8 2>/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential cmake pkg-config \
    libcurl4-openssl-dev libssl-dev libxml2-dev libjansson-dev libsqlite3-dev zlib1g-dev libyaml-dev libpcre2-dev
fi
cmake -S "$src" -B "$src/build-action" -DCMAKE_BUILD_TYPE=Release -DOSPREY_TESTS=OFF >/dev/null
cmake --build "$src/build-action" -j"$(nproc)" --target osprey
echo "$src/build-action" >> "${GITHUB_PATH:-/dev/null}"
echo "OSPREY_BIN=$src/build-action/osprey" >> "${GITHUB_ENV:-/dev/null}"
