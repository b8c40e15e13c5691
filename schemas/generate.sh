#!/usr/bin/env bash
# Regenerate schemas/kubernetes/ (definitions.lines and one X.Y.index per version) from the upstream
# Kubernetes OpenAPI specs listed in SOURCES, or verify the committed files. Nothing here runs at build
# or test time; the generated files are committed.
#
#   CLONES=DIR generate.sh        read each git source from a local bare clone DIR/OWNER/NAME.git, verify
#                                 the pinned upstream sha256, normalise (normalize.py; openapi3.py first for
#                                 OpenAPI v3 sources), check each version's output sha256, and pack.
#                                 Get the clones once with, for each repository in SOURCES:
#                                   git clone --bare https://github.com/OWNER/NAME DIR/OWNER/NAME.git
#                                 (kubernetes-client/python, kubernetes-sigs/kubectl-validate,
#                                 godaddy/kubernetes-client); a row whose ref is refs/pull/N/head needs
#                                 that ref fetched into the clone too:
#                                   git --git-dir=DIR/OWNER/NAME.git fetch origin refs/pull/N/head
#   generate.sh --check           offline: rebuild every version's normalised definitions from the committed
#                                 files and compare with SOURCES; check api-lifecycle.json is well formed.
#   generate.sh --update-hashes   like the default, but accept new output hashes and write them into SOURCES
#                                 (after an intended normalize.py change).
#
# A failed read, an upstream or output sha256 mismatch fails loudly and leaves the committed files alone.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCES="$HERE/SOURCES"
OUTDIR="$HERE/kubernetes"
LIFECYCLE="$HERE/api-lifecycle.json"

mode=generate
while [ $# -gt 0 ]; do
  case "$1" in
    --check) mode=check ;;
    --update-hashes) mode=update ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "generate.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "generate.sh: ERROR: $*" >&2; exit 1; }
sha() { sha256sum "$1" | cut -d' ' -f1; }
rows() { grep -v '^#' "$SOURCES" | grep -v '^[[:space:]]*$' | tail -n +2; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/shipshape-schemas.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/norm" "$TMP/work"

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
  fail=0 n=0
  while IFS=$'\t' read -r version kind repo ref commit path up_sha out_sha lic; do
    n=$((n+1))
    if [ ! -f "$OUTDIR/$version.index" ]; then echo "MISSING $OUTDIR/$version.index" >&2; fail=1; continue; fi
    python3 "$HERE/pack.py" unpack "$OUTDIR" "$version" "$TMP/norm/$version.json"
    got=$(sha "$TMP/norm/$version.json")
    if [ "$got" != "$out_sha" ]; then echo "MISMATCH $version: sha256 $got, SOURCES says $out_sha" >&2; fail=1
    else echo "ok  $version  $got  ($kind $repo $ref)"; fi
  done < <(rows)
  for f in "$OUTDIR"/*.index; do
    v=$(basename "$f" .index)
    rows | cut -f1 | grep -qxF "$v" || { echo "UNLISTED $f (not in SOURCES)" >&2; fail=1; }
  done
  check_lifecycle || fail=1
  [ "$fail" -eq 0 ] || die "check failed"
  echo "check passed ($n versions)"
  exit 0
fi

clone() { # OWNER/NAME -> path of its bare clone
  [ -n "${CLONES:-}" ] || die "set CLONES=DIR holding bare clones DIR/OWNER/NAME.git (see --help)"
  local dir="$CLONES/$1.git"
  [ -d "$dir" ] || die "no bare clone of $1 at $dir: git clone --bare https://github.com/$1 $dir"
  echo "$dir"
}

# A version's upstream spec as one swagger 2.0 file, $TMP/work/$version.json; prints its upstream sha256.
fetch_git() { # version kind repo commit path
  local version=$1 kind=$2 git_dir commit=$4 path=$5 out="$TMP/work/$1.json"
  git_dir=$(clone "$3")
  case "$kind" in
    swagger)
      git --git-dir="$git_dir" show "$commit:$path" > "$out"
      sha "$out" ;;
    gzip)
      git --git-dir="$git_dir" show "$commit:$path" | gzip -dc > "$out"
      sha "$out" ;;
    openapi3)
      python3 "$HERE/openapi3.py" "$git_dir" "$commit" "$path" "$out"
      git --git-dir="$git_dir" ls-tree -r --name-only "$commit" "$path/" | grep '\.json$' | while read -r f; do
        echo "$(git --git-dir="$git_dir" show "$commit:$f" | sha256sum | cut -d' ' -f1)  $f"
      done | sha256sum | cut -d' ' -f1 ;;
  esac
}

fail=0 changed=0
while IFS=$'\t' read -r version kind repo ref commit path up_sha out_sha lic; do
  echo "== $version: $kind $repo $ref $path"
  case "$kind" in
    swagger|openapi3|gzip)
      got=$(fetch_git "$version" "$kind" "$repo" "$commit" "$path") || { echo "generate.sh: ERROR: $version: could not read $repo $commit:$path" >&2; fail=1; continue; } ;;
    *) die "$version: unknown kind $kind" ;;
  esac
  if [ "$got" != "$up_sha" ]; then
    echo "generate.sh: ERROR: $version: UPSTREAM SHA256 MISMATCH: got $got, pinned $up_sha" >&2; fail=1; continue
  fi
  python3 "$HERE/normalize.py" "$TMP/work/$version.json" "$TMP/norm/$version.json"
  new=$(sha "$TMP/norm/$version.json")
  if [ "$new" = "$out_sha" ]; then
    echo "   upstream and output sha256 ok"
  elif [ "$mode" = update ]; then
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
    changed=1; echo "   output sha256 updated in SOURCES ($new)"
  else
    echo "generate.sh: ERROR: $version: output sha256 $new differs from SOURCES ($out_sha) (use --update-hashes if normalize.py changed on purpose)" >&2
    fail=1
  fi
done < <(rows)

[ "$fail" -eq 0 ] || die "some versions failed (see above); kubernetes/ left as it was"
pairs=()
while IFS=$'\t' read -r version _; do pairs+=("$version=$TMP/norm/$version.json"); done < <(rows)
mkdir -p "$TMP/pack"
python3 "$HERE/pack.py" build "$TMP/pack" "${pairs[@]}"
rm -f "$OUTDIR"/*.index "$OUTDIR"/definitions.lines
cp "$TMP/pack"/* "$OUTDIR/"
[ "$changed" -eq 0 ] || echo "SOURCES updated."
echo "done: $(ls "$OUTDIR"/*.index | wc -l) versions, definitions.lines $(wc -c < "$OUTDIR/definitions.lines") bytes."
