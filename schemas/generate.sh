#!/usr/bin/env bash
# Regenerate schemas/kubernetes/<X.Y>.json from the upstream Kubernetes OpenAPI
# specs that Debian packages carry (see SOURCES), or verify the committed files.
#
#   generate.sh                  download (private apt config), verify pinned upstream
#                                sha256, normalise, and check the output against SOURCES;
#                                a file is only (re)written when its hash matches SOURCES.
#   generate.sh --check          offline: verify committed outputs against SOURCES and
#                                that api-lifecycle.json is well formed and sorted.
#   generate.sh --update-hashes  like the default, but accept new output hashes and
#                                write them into SOURCES (after a normalize.py change).
#   generate.sh [mode] 1.20 ...  restrict to some versions.
#
# The Debian mirror is read from the system apt configuration at run time
# (or from $DEBIAN_MIRROR, e.g. DEBIAN_MIRROR=http://host/debian). The system's
# apt state is never touched: sources list, lists and cache live in a temp dir.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCES="$HERE/SOURCES"
OUTDIR="$HERE/kubernetes"
LIFECYCLE="$HERE/api-lifecycle.json"

mode=generate
case "${1:-}" in
  --check) mode=check; shift ;;
  --update-hashes) mode=update; shift ;;
  -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
  -*) echo "generate.sh: unknown option $1" >&2; exit 2 ;;
esac
only=("$@")

die() { echo "generate.sh: ERROR: $*" >&2; exit 1; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
wanted() {
  [ ${#only[@]} -eq 0 ] && return 0
  local v; for v in "${only[@]}"; do [ "$v" = "$1" ] && return 0; done; return 1
}

# Rows of SOURCES without comments and header.
rows() { grep -v '^#' "$SOURCES" | grep -v '^[[:space:]]*$' | tail -n +2; }

check_lifecycle() {
  python3 - "$LIFECYCLE" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d.get("source"), str) and d["source"], "missing source"
apis = d["apis"]
keys = [(a["apiVersion"], a["kind"]) for a in apis]
assert keys == sorted(keys), "apis not sorted by (apiVersion, kind)"
assert len(set(keys)) == len(keys), "duplicate apiVersion/kind"
for a in apis:
    assert set(a) <= {"apiVersion", "kind", "deprecatedIn", "removedIn", "replacement",
                      "replacementKind", "notes"}, a
    assert {"apiVersion", "kind", "deprecatedIn", "removedIn", "replacement"} <= set(a), a
    for k in ("deprecatedIn", "removedIn"):
        v = a[k]
        assert v is None or (isinstance(v, str) and v.count(".") == 1
                             and all(p.isdigit() for p in v.split("."))), a
print("api-lifecycle.json: %d entries OK" % len(apis))
PY
}

if [ "$mode" = check ]; then
  fail=0; n=0
  while IFS=$'\t' read -r version suite type pkg pver path up_sha out_sha lic; do
    wanted "$version" || continue
    f="$OUTDIR/$version.json"; n=$((n+1))
    if [ ! -f "$f" ]; then echo "MISSING $f" >&2; fail=1; continue; fi
    got=$(sha "$f")
    if [ "$got" != "$out_sha" ]; then
      echo "MISMATCH $f: sha256 $got, SOURCES says $out_sha" >&2; fail=1
    else
      echo "ok  $version.json  $got"
    fi
  done < <(rows)
  for f in "$OUTDIR"/*.json; do
    v=$(basename "$f" .json)
    rows | cut -f1 | grep -qxF "$v" || { echo "UNLISTED $f (not in SOURCES)" >&2; fail=1; }
  done
  check_lifecycle || fail=1
  [ "$fail" -eq 0 ] || die "check failed"
  echo "check passed ($n schema files)"
  exit 0
fi

# ---------------------------------------------------------------- generate
for tool in apt-get dpkg-deb tar python3 sha256sum; do
  command -v "$tool" >/dev/null || die "$tool not found"
done
APT_HELPER=/usr/lib/apt/apt-helper
[ -x "$APT_HELPER" ] || die "$APT_HELPER not found"
[ -r /usr/share/keyrings/debian-archive-keyring.gpg ] || die "debian-archive-keyring not installed"

detect_mirror() {
  # First Debian main-archive URI (path ending in /debian) in the system apt config.
  local files=() f
  [ -f /etc/apt/sources.list ] && files+=(/etc/apt/sources.list)
  for f in /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && files+=("$f")
  done
  [ ${#files[@]} -gt 0 ] || return 1
  sed -e 's/#.*//' "${files[@]}" \
    | grep -oE '(https?|ftp)://[^][[:space:]]+' \
    | sed -e 's:/*$::' | grep -E '/debian$' | head -n1
}
MIRROR=${DEBIAN_MIRROR:-$(detect_mirror || true)}
[ -n "$MIRROR" ] || die "no Debian mirror found in /etc/apt; set DEBIAN_MIRROR=http://HOST/debian"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-schemas.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/lists/partial" "$TMP/cache/archives/partial" "$TMP/dl" "$TMP/work"
: > "$TMP/status"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
{
  rows | while IFS=$'\t' read -r version suite type rest; do
    wanted "$version" || continue
    case "$type" in
      deb) echo "deb [signed-by=$KEYRING] $MIRROR $suite main" ;;
      src) echo "deb-src [signed-by=$KEYRING] $MIRROR $suite main" ;;
      *) echo "bad type $type" >&2; exit 1 ;;
    esac
  done
} | sort -u > "$TMP/sources.list"
APT=(-q -o "Dir::Etc::SourceList=$TMP/sources.list" -o Dir::Etc::SourceParts=/dev/null
     -o "Dir::State::Lists=$TMP/lists" -o "Dir::Cache=$TMP/cache" -o "Dir::State::status=$TMP/status"
     -o APT::Sandbox::User=root -o Acquire::Languages=none
     -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
     -o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false
     -o Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false)

echo "== apt-get update (private config, $(wc -l < "$TMP/sources.list") source lines)"
apt-get "${APT[@]}" update >"$TMP/update.log" 2>&1 || { cat "$TMP/update.log" >&2; die "apt-get update failed"; }

fetch_upstream() { # version type pkg pver path -> writes $TMP/work/$version.upstream.json
  local version=$1 type=$2 pkg=$3 pver=$4 path=$5 out="$TMP/work/$1.upstream.json"
  case "$type" in
    deb)
      local deb
      deb=$(ls "$TMP"/dl/"${pkg}"_*.deb 2>/dev/null | head -n1 || true)
      if [ -z "$deb" ]; then
        (cd "$TMP/dl" && apt-get "${APT[@]}" download "$pkg=$pver") >&2 || return 1
        deb=$(ls "$TMP"/dl/"${pkg}"_*.deb | head -n1)
      fi
      dpkg-deb --fsys-tarfile "$deb" | tar -xO "./$path" > "$out" || return 1
      ;;
    src)
      local line url name hash
      line=$(apt-get "${APT[@]}" source --print-uris "$pkg=$pver" 2>/dev/null \
             | grep "^'" | grep -E "\.orig\.tar\.[a-z0-9]+' " | head -n1) || true
      [ -n "$line" ] || { echo "no .orig tarball for source $pkg=$pver in the index" >&2; return 1; }
      read -r url name _size hash <<<"$line"
      url=${url//\'/}
      if [ ! -f "$TMP/dl/$name" ]; then
        # apt-helper verifies the SHA256 taken from the signed Sources index.
        "$APT_HELPER" -o APT::Sandbox::User=root download-file "$url" "$TMP/dl/$name" "$hash" >&2 || return 1
      fi
      tar -xOf "$TMP/dl/$name" "$path" > "$out" || return 1
      ;;
  esac
}

fail=0; changed=0
while IFS=$'\t' read -r version suite type pkg pver path up_sha out_sha lic; do
  wanted "$version" || continue
  echo "== $version: $pkg $pver ($suite, $type) $path"
  if ! fetch_upstream "$version" "$type" "$pkg" "$pver" "$path"; then
    echo "generate.sh: ERROR: $version: could not obtain $path from $pkg $pver; committed file left as is" >&2
    fail=1; continue
  fi
  got=$(sha "$TMP/work/$version.upstream.json")
  if [ "$got" != "$up_sha" ]; then
    echo "generate.sh: ERROR: $version: UPSTREAM SHA256 MISMATCH for $path: got $got, pinned $up_sha" >&2
    fail=1; continue
  fi
  echo "   upstream sha256 ok ($got)"
  python3 "$HERE/normalize.py" "$TMP/work/$version.upstream.json" "$TMP/work/$version.json"
  new=$(sha "$TMP/work/$version.json")
  if [ "$new" = "$out_sha" ]; then
    mkdir -p "$OUTDIR"; cp "$TMP/work/$version.json" "$OUTDIR/$version.json"
    echo "   output sha256 ok ($new) -> kubernetes/$version.json"
  elif [ "$mode" = update ]; then
    mkdir -p "$OUTDIR"; cp "$TMP/work/$version.json" "$OUTDIR/$version.json"
    python3 - "$SOURCES" "$version" "$new" <<'PY'
import sys
path, version, new = sys.argv[1:]
lines = open(path, encoding="utf-8").read().split("\n")
for i, l in enumerate(lines):
    f = l.split("\t")
    if not l.startswith("#") and f[0] == version and len(f) >= 9:
        f[7] = new; lines[i] = "\t".join(f)
open(path, "w", encoding="utf-8", newline="\n").write("\n".join(lines))
PY
    changed=1; echo "   output sha256 updated in SOURCES ($new) -> kubernetes/$version.json"
  else
    echo "generate.sh: ERROR: $version: output sha256 $new differs from SOURCES ($out_sha); not written (use --update-hashes if normalize.py changed on purpose)" >&2
    fail=1
  fi
done < <(rows)

[ "$changed" -eq 0 ] || echo "SOURCES updated."
[ "$fail" -eq 0 ] || die "some versions failed (see above)"
echo "done."
