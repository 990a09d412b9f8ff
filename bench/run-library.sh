#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kessan in release mode and runs the library benchmark: loading a
# library of 1,000 and of 10,000 synthetic releases and building every
# series.  The libraries are made on the first run (10,000 releases take
# about a minute) and kept in the build folder for the next ones.
# Arguments go to bench-library, e.g. --sizes=1000,10000,20000 --runs=5.
# Environment: BUILDDIR (default: _build-release).

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
builddir=${BUILDDIR:-_build-release}

if [[ ! -f $builddir/meson-private/coredata.dat ]]; then
  meson setup "$builddir" --buildtype=release
fi
ninja -C "$builddir" bench/bench-library

exec "$builddir/bench/bench-library" --dir="$builddir" "$@"
