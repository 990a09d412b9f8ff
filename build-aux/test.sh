#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kessan with warnings as errors and runs the whole test suite.
#
#   build-aux/test.sh [MESON-OPTION...]
#
# Extra arguments go to `meson setup`, e.g. -Db_sanitize=address,undefined.
# Environment:
#   BUILDDIR         build directory (default: _build)
#   MESON_TEST_ARGS  extra arguments for `meson test`, e.g. "--suite engine"
#   KESSAN_SKIP_DEPS set to 1 to skip the dependency check

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
builddir=${BUILDDIR:-_build}

if [[ ${KESSAN_SKIP_DEPS:-0} != 1 ]]; then
  build-aux/install-deps.sh --test
fi

# Configure a new build directory, or reconfigure an existing one with the
# given options; a directory left broken by an older meson is wiped.
if [[ -f $builddir/meson-private/coredata.dat ]]; then
  if ! meson setup --reconfigure "$builddir" -Dwerror=true "$@"; then
    echo "test.sh: reconfiguring $builddir failed; wiping it and configuring again" >&2
    meson setup --wipe "$builddir" -Dwerror=true "$@"
  fi
else
  meson setup "$builddir" -Dwerror=true "$@"
fi

ninja -C "$builddir"

# A stale log would make the totals of an aborted run look like this run's.
rm -f "$builddir/meson-logs/testlog.json"

read -r -a test_args <<<"${MESON_TEST_ARGS:-}"
runner=()
# The interface tests need a display; give them a virtual one when headless.
if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]] && command -v xvfb-run >/dev/null 2>&1; then
  runner=(xvfb-run -a -s "-screen 0 1280x1024x24")
fi

"${runner[@]}" meson test -C "$builddir" --print-errorlogs "${test_args[@]}"
