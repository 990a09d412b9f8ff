#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kessan in release mode and runs the parser benchmark on the sample
# releases.  Arguments go to bench-parse, e.g. --min-time=3 --large-size=30.
# Environment: BUILDDIR (default: _build-release).

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
builddir=${BUILDDIR:-_build-release}

if [[ ! -f $builddir/meson-private/coredata.dat ]]; then
  meson setup "$builddir" --buildtype=release
fi
ninja -C "$builddir" bench/bench-parse

exec "$builddir/bench/bench-parse" "$@" tests/data/*.txt
