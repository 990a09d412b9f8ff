#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kessan in release mode and measures the time from process start
# to the first frame: a minimal libadwaita window, Kessan on the sample
# releases, and Kessan on a library of 1,000 generated releases (made by
# bench/run-library.sh, which this runs first when the library is missing).
# Runs under xvfb-run when there is no display.

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
builddir=${BUILDDIR:-_build-release}

if [[ ! -f $builddir/meson-private/coredata.dat ]]; then
  meson setup "$builddir" --buildtype=release
fi
ninja -C "$builddir" src/app/kessan bench/bench-startup data/gschemas.compiled

library=$builddir/bench-library-1000
if [[ ! -d $library/filings ]]; then
  BUILDDIR=$builddir bench/run-library.sh --sizes=1000 >/dev/null
fi

run=()
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  run=(xvfb-run -a -s '-screen 0 1400x900x24')
fi
exec "${run[@]}" "$builddir/bench/bench-startup" --app="$builddir/src/app/kessan" \
  --schemas="$builddir/data" --library="$library"
