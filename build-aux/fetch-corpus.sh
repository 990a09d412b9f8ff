#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Re-creates the corpus of real earnings releases (docs/corpus.md) from
# local bare mirrors of public repositories:
#
#   build-aux/fetch-corpus.sh [MIRRORS [CORPUS]]
#
# MIRRORS (default /work/.mirror) holds one bare git directory per source
# repository, as OWNER+NAME/repo; CORPUS (default /work/corpus) receives
# the documents.  The script downloads nothing and only copies files out
# of commits named below; a mirror that is missing is reported and its
# documents are skipped.  The corpus stays outside the repository and
# this script is not part of the build or of CI.
#
# build-aux/corpus-manifest.txt lists the documents, one a line:
# destination|owner/name|commit|path in the commit.
# A destination ending in .zip packs every file under the path (a folder)
# into a zip with the folder's own layout, as TDnet serves its XBRL.  The
# owner/name "print" makes the destination a PDF of a document already in
# the corpus (the path), printed by headless Chromium, so that the PDF
# reader sees the same release; it is skipped when chromium is missing.

set -euo pipefail

mirrors=${1:-/work/.mirror}
corpus=${2:-/work/corpus}
missing=0

copy_one ()
{
  local dest=$1 repo=$2 commit=$3 path=$4
  local gitdir="$mirrors/${repo/\//+}/repo"

  if [[ $repo == print ]]; then
    if ! command -v chromium >/dev/null 2>&1; then
      echo "fetch-corpus: no chromium to print $dest" >&2
      missing=$((missing + 1))
      return
    fi
    timeout 180 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --print-to-pdf="$corpus/$dest" "file://$corpus/$path" >/dev/null 2>&1
    return
  fi

  if [[ ! -d $gitdir ]]; then
    echo "fetch-corpus: no mirror of $repo for $dest" >&2
    missing=$((missing + 1))
    return
  fi
  mkdir -p "$corpus/$(dirname "$dest")"
  if [[ $dest == *.zip ]]; then
    local tmp
    tmp=$(mktemp -d)
    git --git-dir="$gitdir" archive --format=tar "$commit" "$path" | tar -x -C "$tmp"
    (cd "$tmp/$path/.." && rm -f "$corpus/$dest" && zip -qr "$corpus/$dest" "$(basename "$path")")
    rm -rf "$tmp"
  else
    git --git-dir="$gitdir" show "$commit:$path" > "$corpus/$dest"
  fi
}

while IFS='|' read -r dest repo commit path; do
  [[ -z $dest || $dest == \#* ]] && continue
  copy_one "$dest" "$repo" "$commit" "$path"
done < "$(dirname "${BASH_SOURCE[0]}")/corpus-manifest.txt"

echo "fetch-corpus: $(find "$corpus" -type f | wc -l) files in $corpus, $missing skipped" >&2
