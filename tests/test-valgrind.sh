#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# kessan-cli under valgrind's memcheck over the sample releases: extract,
# check, series, and a library (add, list, series from it).  Fails on any
# invalid read or write, use of uninitialised memory, or definite leak.
#
#   tests/test-valgrind.sh KESSAN-CLI SOURCE-DIR [SANITIZERS]
#
# SANITIZERS is meson's b_sanitize of the build ("none" or empty for
# none).  The output is TAP; the whole test is skipped ("1..0 # SKIP")
# without valgrind, or when kessan-cli was built with a sanitizer, which
# valgrind cannot run alongside.

set -uo pipefail

cli=${1:?usage: test-valgrind.sh KESSAN-CLI SOURCE-DIR}
srcdir=${2:?usage: test-valgrind.sh KESSAN-CLI SOURCE-DIR}
sanitizers=${3:-none}

if ! command -v valgrind >/dev/null 2>&1; then
  echo "1..0 # SKIP valgrind is not installed (build-aux/install-deps.sh --valgrind)"
  exit 0
fi
if [[ -n $sanitizers && $sanitizers != none ]]; then
  echo "1..0 # SKIP kessan-cli is built with -Db_sanitize=$sanitizers; valgrind runs on a plain build"
  exit 0
fi

samples=("$srcdir"/tests/data/*.txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# GLib's slice allocator would hide blocks from valgrind; gc-friendly
# clears the pointers GLib leaves behind when it frees.
export G_SLICE=always-malloc G_DEBUG=gc-friendly
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache

failed=0
run=0

# memcheck NAME MAX-STATUS ARGUMENT...: kessan-cli ARGUMENT... under
# memcheck; an exit status up to MAX-STATUS is kessan-cli's answer (check
# says 1 when a finding is an error, as in the samples).
memcheck ()
{
  local name=$1 max_status=$2
  shift 2
  local log=$work/$name.log rc=0
  run=$((run + 1))
  valgrind --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
       --show-leak-kinds=definite --error-exitcode=99 \
       --suppressions="$srcdir/tests/valgrind.supp" --log-file="$log" \
       "$cli" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
  if [[ $rc -le $max_status ]]; then
    echo "ok $run - $name"
  else
    if [[ $rc == 99 ]]; then
      echo "not ok $run - $name: valgrind found errors"
    else
      echo "not ok $run - $name: kessan-cli exited with status $rc"
      sed 's/^/# /' "$work/$name.err"
    fi
    sed 's/^/# /' "$log"
    failed=$((failed + 1))
  fi
  grep -E 'ERROR SUMMARY|definitely lost' "$log" | sed 's/^==[0-9]*== /#   /'
}

echo "1..6"
memcheck extract 0 extract "${samples[@]}"
memcheck extract-csv 0 extract --format=csv "${samples[@]}"
memcheck check 1 check --format=json "${samples[@]}"
memcheck series 0 series "${samples[@]}"
memcheck library-add 0 library add --library="$work/library" "${samples[@]}"
memcheck series-library 0 series --format=json --library="$work/library"

exit $((failed > 0))
