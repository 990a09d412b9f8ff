#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The translations are complete and well formed: every .po file passes
# msgfmt --check with no untranslated or fuzzy entry, and every file with
# translatable strings is listed in po/POTFILES.in.

set -euo pipefail

srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$srcdir"
status=0

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "msgfmt is not installed" >&2
  exit 77
fi

for po in po/*.po; do
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
    echo "$po: msgfmt --check failed: $stats" >&2
    status=1
    continue
  }
  if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
    echo "$po: not complete: $stats" >&2
    status=1
  else
    echo "$po: $stats"
  fi
done

# Sources that call gettext, interface files with translatable text, and
# the desktop, metainfo and schema files.
mapfile -t wanted < <(
  {
    grep -lE '(^|[^A-Za-z_])(_|N_|C_|g_dngettext|ngettext)\s*\(' src/*/*.c 2>/dev/null || true
    grep -l 'translatable="yes"' resources/ui/*.ui resources/gtk/*.ui 2>/dev/null || true
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
  } | sort -u)

for file in "${wanted[@]}"; do
  if ! grep -qxF "$file" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $file" >&2
    status=1
  fi
done

if [[ $status -eq 0 ]]; then
  echo "1 passed, 0 failed"
fi
exit $status
