#!/usr/bin/env bash
# action/build.sh DEST: put an osprey built from the action's own source in DEST and on PATH for
# the following steps. DEST is kept by actions/cache under a key made of the source's hash, so a
# given action version compiles once per runner OS and architecture; later runs only check that
# the runtime libraries are present.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:?usage: build.sh DEST}
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

apt_install() {
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "$@" >/dev/null
}

if [ -x "$dest/osprey" ]; then
  # a cached build: only the shared libraries may be missing on a fresh runner
  if ldd "$dest/osprey" | grep -q 'not found'; then
    apt_install libcurl4 libxml2 libjansson4 libsqlite3-0 zlib1g libyaml-0-2 libpcre2-8-0
  fi
  echo "osprey: using the cached build in $dest"
else
  if ! command -v cmake >/dev/null || ! pkg-config --exists jansson libcurl yaml-0.1 libpcre2-8 libxml-2.0 sqlite3 2>/dev/null; then
    apt_install build-essential cmake pkg-config libcurl4-openssl-dev libssl-dev libxml2-dev libjansson-dev \
      libsqlite3-dev zlib1g-dev libyaml-dev libpcre2-dev
  fi
  build=$(mktemp -d)
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DOSPREY_TESTS=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target osprey
  mkdir -p "$dest"
  cp "$build/osprey" "$dest/osprey"
  rm -rf "$build"
fi
"$dest/osprey" version
echo "$dest" >> "${GITHUB_PATH:-/dev/null}"
echo "OSPREY_BIN=$dest/osprey" >> "${GITHUB_ENV:-/dev/null}"
