#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kessan in release mode and times the chart renderer: redraws of
# a chart of 120 periods × 12 series, and the pointer's tooltip.
# Arguments go to bench-chart, e.g. --frames=500 or --json.
# Environment: BUILDDIR (default: _build-release).

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
builddir=${BUILDDIR:-_build-release}

if [[ ! -f $builddir/meson-private/coredata.dat ]]; then
  meson setup "$builddir" --buildtype=release
fi
ninja -C "$builddir" bench/bench-chart

exec "$builddir/bench/bench-chart" "$@"
