#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Kessan and starts the application from the build directory.
#
#   build-aux/run.sh [FILE...]
#
# Files given are opened in the app.  Environment:
#   BUILDDIR         build directory (default: _build)
#   KESSAN_SKIP_DEPS set to 1 to skip the dependency check

set -euo pipefail

origdir=$PWD
srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
builddir=${BUILDDIR:-_build}

if [[ ${KESSAN_SKIP_DEPS:-0} != 1 ]]; then
  build-aux/install-deps.sh --app
fi

if [[ ! -f $builddir/meson-private/coredata.dat ]]; then
  meson setup "$builddir"
fi
ninja -C "$builddir"

app=$srcdir/$builddir/src/app/kessan
[[ $builddir = /* ]] && app=$builddir/src/app/kessan
if [[ ! -x $app ]]; then
  echo "run.sh: the application was not built: $app is missing." >&2
  echo "run.sh: the command-line tool is $builddir/src/cli/kessan-cli (kessan-cli extract FILE)." >&2
  exit 1
fi

if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
  echo "run.sh: no DISPLAY or WAYLAND_DISPLAY: Kessan needs a graphical session." >&2
  exit 1
fi

# Translations from the build tree, and a library of its own when asked.
export KESSAN_LOCALEDIR=${KESSAN_LOCALEDIR:-$srcdir/$builddir/po}
[[ $builddir = /* ]] && export KESSAN_LOCALEDIR=$builddir/po

# `meson devenv` supplies what running uninstalled needs (the compiled
# GSettings schema, resources); files given stay relative to the caller.
exec meson devenv -C "$builddir" --workdir "$origdir" "$app" "$@"
