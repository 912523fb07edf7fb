#!/bin/sh
# Build tests/bench/col_driver against a build directory's static libraries.
#   tests/bench/build_driver.sh [BUILD_DIR]   (default: build)   -> BUILD_DIR/col_driver
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
b=${1:-$src/build}
cmake --build "$b" --target osp_collect osp_aws osp_core >/dev/null
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -g -I"$src/src" \
   "$src/tests/bench/col_driver.c" -o "$b/col_driver" \
   "$b/libosp_collect.a" "$b/libosp_aws.a" "$b/libosp_core.a" \
   $(pkg-config --libs jansson libxml-2.0 libcurl libpcre2-8) -lssl -lcrypto -lpthread -lm
echo "$b/col_driver"
