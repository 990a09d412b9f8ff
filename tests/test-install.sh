#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs Kessan into a temporary directory and checks the installed tree
# the way a desktop sees it: the desktop file and the MIME definition are
# picked up, Kessan is offered for the release formats it reads and for
# its own exported filings, the installed kessan-cli reads a release and
# the installed app starts and draws a frame.  Exits 77 (skipped) when a
# tool is missing.
#
#   test-install.sh BUILDDIR SRCDIR PREFIX BINDIR DATADIR

set -euo pipefail

builddir=$1 srcdir=$2 prefix=$3 bindir=$4 datadir=$5

for tool in meson update-desktop-database update-mime-database gio glib-compile-schemas timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail ()
{
  echo "not ok - $*"
  exit 1
}

# Relative paths are taken from the prefix, as meson does.
[[ $bindir == /* ]] || bindir=$prefix/$bindir
[[ $datadir == /* ]] || datadir=$prefix/$datadir
dest=$tmp/dest
bin=$dest$bindir
share=$dest$datadir

meson install -C "$builddir" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 \
  || { cat "$tmp/install.log"; fail "meson install"; }

app_id=io.github.kessan.Kessan
for file in \
  "$bin/kessan-cli" \
  "$share/applications/$app_id.desktop" \
  "$share/metainfo/$app_id.metainfo.xml" \
  "$share/mime/packages/$app_id.xml" \
  "$share/glib-2.0/schemas/$app_id.gschema.xml" \
  "$share/icons/hicolor/scalable/apps/$app_id.svg" \
  "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"; do
  [[ -e $file ]] || fail "not installed: ${file#"$dest"}"
done
echo "ok - installed"

# A desktop of its own: nothing from the user's directories.
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export XDG_DATA_DIRS=$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
# GIO offers only applications whose Exec= program is on the PATH.
export PATH=$bin:$PATH

update-desktop-database "$share/applications" || fail "update-desktop-database"
update-mime-database "$share/mime" || fail "update-mime-database"
glib-compile-schemas --strict "$share/glib-2.0/schemas" || fail "glib-compile-schemas"
echo "ok - caches updated"

# Releases come as text, PDF, HTML or inline XBRL (XHTML), TDnet and
# EDINET packages (zip), and Kessan's own export.
for type in text/plain application/pdf text/html application/xhtml+xml application/zip \
            application/x-kessan-filing+json; do
  gio mime "$type" >"$tmp/mime.out" 2>&1 || true
  grep -q "$app_id.desktop" "$tmp/mime.out" || { cat "$tmp/mime.out"; fail "Kessan is not a handler of $type"; }
  echo "ok - Kessan handles $type"
done

# The installed command-line tool, on a bundled release.  Its JSON export
# is recognised as a Kessan filing by name and, without a telling name, by
# its content.
sample=$srcdir/tests/data/004_df6267c19d93d050.txt
"$bin/kessan-cli" extract --format=json "$sample" >"$tmp/filing.json" || fail "kessan-cli extract"
grep -q '"format": "kessan-filing"' "$tmp/filing.json" || fail "kessan-cli wrote no filing"
grep -q '"company": "Internet Initiative Japan Inc."' "$tmp/filing.json" || fail "kessan-cli read the wrong company"
echo "ok - installed kessan-cli extracts a release"

cp "$tmp/filing.json" "$tmp/filing.kessan.json"
cp "$tmp/filing.json" "$tmp/filing"
for file in filing.kessan.json filing; do
  type=$(gio info -a standard::content-type "$tmp/$file" | sed -n 's/^ *standard::content-type: //p')
  [[ $type == application/x-kessan-filing+json ]] || fail "$file is $type"
  echo "ok - $file is application/x-kessan-filing+json"
done

# The installed application, until its first frame.
if [[ ! -x $bin/kessan ]]; then
  echo "ok - # SKIP the application is not built"
  exit 0
fi
run=()
if [[ -z ${DISPLAY:-} ]]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "ok - # SKIP no display and no xvfb-run"
    exit 0
  fi
  run=(xvfb-run -a)
fi
mkdir -p "$tmp/library"
# GTK's caches, kept for the life of the process, are not Kessan's leaks.
if env \
  GSETTINGS_SCHEMA_DIR="$share/glib-2.0/schemas" \
  GSETTINGS_BACKEND=memory \
  KESSAN_LIBRARY_DIR="$tmp/library" \
  KESSAN_QUIT_AFTER_FIRST_FRAME=1 \
  GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none \
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
  "${run[@]}" timeout 120 "$bin/kessan" >"$tmp/app.log" 2>&1; then
  echo "ok - installed app starts"
else
  status=$?
  cat "$tmp/app.log"
  fail "installed app exited with status $status"
fi
