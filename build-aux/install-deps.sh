#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian/Ubuntu packages Kessan needs to build, run and test.
# Safe to run again: packages already installed are left alone, and apt is
# only called when something is missing.
#
#   build-aux/install-deps.sh            everything (build, run and tests)
#   build-aux/install-deps.sh --app      what building and running the app need
#   build-aux/install-deps.sh --test     what building and running the tests need
#   build-aux/install-deps.sh --valgrind also install valgrind (with any set)
#   build-aux/install-deps.sh --fuzz     also install clang, libFuzzer and the
#                                        corpus tools (docs/fuzzing.md)
#   build-aux/install-deps.sh --check    only list what is missing; exit 1 if any

set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

build_pkgs=(
  meson ninja-build pkg-config gcc
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libpoppler-glib-dev
  libxml2-dev libarchive-dev nettle-dev
  gettext desktop-file-utils appstream
)
# Japanese labels need a CJK font on screen and under Xvfb alike.
app_pkgs=(fonts-noto-cjk)
# qpdf makes the encrypted PDF of the PDF tests; valgrind runs kessan-cli
# in the test suite (tests/test-valgrind.sh); dbus runs the app tests once
# more on a session bus of their own (.ci/run); at-spi2-core's accessibility
# bus and libatspi let tests/test-atspi.c read the window as a screen
# reader does.
test_pkgs=(xvfb xauth fonts-noto-cjk locales qpdf libpango1.0-dev valgrind dbus
  at-spi2-core libatspi2.0-dev)
# libFuzzer for clang 14 is in libclang-rt-14-dev; pango-view renders the
# PDF seeds (tests/fuzz/make-corpus.sh).
fuzz_pkgs=(clang-14 clang libclang-rt-14-dev pango1.0-tools)
# Locales the tests switch to; generated only when missing.
test_locales=(en_US.UTF-8 ja_JP.UTF-8)

want_app=0
want_test=0
want_valgrind=0
want_fuzz=0
check_only=0

usage ()
{
  sed -n '4,14s/^# \{0,1\}//p' "$0"
}

for arg in "$@"; do
  case "$arg" in
    --app) want_app=1 ;;
    --test) want_test=1 ;;
    --all) want_app=1; want_test=1 ;;
    --valgrind) want_valgrind=1 ;;
    --fuzz) want_fuzz=1 ;;
    --check) check_only=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-deps: unknown option: $arg" >&2; usage >&2; exit 2 ;;
  esac
done
if [[ $want_app == 0 && $want_test == 0 ]]; then
  want_app=1
  want_test=1
fi

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: this script needs a Debian-based system (dpkg and apt-get)." >&2
  echo "install-deps: install the equivalents of: ${build_pkgs[*]} ${test_pkgs[*]}" >&2
  exit 1
fi

wanted=("${build_pkgs[@]}")
[[ $want_app == 1 ]] && wanted+=("${app_pkgs[@]}")
[[ $want_test == 1 ]] && wanted+=("${test_pkgs[@]}")
[[ $want_valgrind == 1 ]] && wanted+=(valgrind)
[[ $want_fuzz == 1 ]] && wanted+=("${fuzz_pkgs[@]}")

missing=()
declare -A seen=()
for pkg in "${wanted[@]}"; do
  [[ -n ${seen[$pkg]:-} ]] && continue
  seen[$pkg]=1
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ $status != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

# `locale -a` spells ja_JP.UTF-8 as ja_JP.utf8.
missing_locales=()
if [[ $want_test == 1 ]]; then
  available=$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/' || true)
  for loc in "${test_locales[@]}"; do
    norm=$(printf '%s' "$loc" | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')
    if ! grep -qx "$norm" <<<"$available"; then
      missing_locales+=("$loc")
    fi
  done
fi

if [[ ${#missing[@]} == 0 && ${#missing_locales[@]} == 0 ]]; then
  echo "install-deps: all dependencies are installed."
  exit 0
fi

if [[ $check_only == 1 ]]; then
  [[ ${#missing[@]} != 0 ]] && echo "install-deps: missing packages: ${missing[*]}"
  [[ ${#missing_locales[@]} != 0 ]] && echo "install-deps: missing locales: ${missing_locales[*]}"
  exit 1
fi

as_root=()
if [[ $(id -u) != 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  else
    echo "install-deps: not root and sudo is not available; run as root to install:" >&2
    [[ ${#missing[@]} != 0 ]] && echo "  packages: ${missing[*]}" >&2
    [[ ${#missing_locales[@]} != 0 ]] && echo "  locales: ${missing_locales[*]}" >&2
    exit 1
  fi
fi

if [[ ${#missing[@]} != 0 ]]; then
  echo "install-deps: installing: ${missing[*]}"
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [[ ${#missing_locales[@]} != 0 ]]; then
  echo "install-deps: generating locales: ${missing_locales[*]}"
  for loc in "${missing_locales[@]}"; do
    # Enable the locale in /etc/locale.gen (commented out or absent there).
    line="$loc ${loc#*.}"
    if grep -Eq "^[#[:space:]]*${line//./\\.}\$" /etc/locale.gen 2>/dev/null; then
      "${as_root[@]}" sed -i -E "s/^[#[:space:]]*(${line//./\\.})\$/\\1/" /etc/locale.gen
    else
      echo "$line" | "${as_root[@]}" tee -a /etc/locale.gen >/dev/null
    fi
  done
  "${as_root[@]}" locale-gen
fi

echo "install-deps: done."
