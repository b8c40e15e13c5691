#!/usr/bin/env bash
# Build the kubeconform baseline for bench/run.sh (issue 8) without network access:
#   bench/out/tools/kubeconform                                       the binary
#   bench/out/tools/kubeconform-schemas/v1.36.0-standalone-strict/    its schemas, from schemas/kubernetes/ (1.36,
#                                                                     shipshape's default target, unpacked by pack.py)
#
#   bench/kubeconform/build.sh
# Env: KUBECONFORM_GIT  bare git snapshot of yannh/kubeconform (default /work/.mirror/yannh+kubeconform/repo)
#      KUBECONFORM_REV  revision to build (default HEAD)
#      GO119            Debian's Go 1.19 GOROOT (default /usr/lib/go-1.19; apt-get install golang-1.19-go)
#      KUBECONFORM_SWAGGER  spec for the schemas (default: 1.36's normalised definitions, rebuilt from
#                       schemas/kubernetes/ by schemas/pack.py unpack). They have their descriptions stripped, so the
#                       schemas are ~40% smaller than kubeconform's published ones and compile faster; for
#                       byte-level fidelity pass the upstream swagger.json that schemas/SOURCES pins for 1.36.
#
# kubeconform's go.mod says go 1.24 but Debian bookworm has Go 1.19. The source and its vendor/ are
# built unchanged; instead a private GOROOT (symlinks to Debian's, with a real copy of src/ because
# go:embed refuses symlinked files) gets the few newer standard-library functions it calls, copied
# from or equal in behaviour to upstream Go (goroot-shims/):
#   slices.{Clone,Contains,Index,IndexFunc,Sort}  Go 1.21, used by vendored santhosh-tekuri/jsonschema/v6
#   strings.{CutPrefix,CutSuffix}                 Go 1.20, used by jsonschema/v6 and kubeconform's duration format
# No newer language construct (range over int, min/max/clear) occurs, or Go 1.19 would reject it.
# One semantic difference: Go 1.22 made loop variables per-iteration in modules declaring go >= 1.22
# (here kubeconform itself and golang.org/x/text); neither captures a loop variable beyond its
# iteration (go vet -loopclosure is clean; kubeconform's goroutines take theirs as arguments).
# Flags as the release build (.goreleaser.yml): CGO_ENABLED=0 -trimpath -tags=netgo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tools="$root/bench/out/tools"
work="$tools/kubeconform-build"
git_dir=${KUBECONFORM_GIT:-/work/.mirror/yannh+kubeconform/repo}
rev=${KUBECONFORM_REV:-HEAD}
go119=${GO119:-/usr/lib/go-1.19}

[ -x "$go119/bin/go" ] || { echo "build.sh: no Go at $go119: apt-get install golang-1.19-go" >&2; exit 2; }
git --git-dir="$git_dir" rev-parse --verify -q "$rev^{commit}" >/dev/null \
  || { echo "build.sh: $git_dir has no revision $rev (set KUBECONFORM_GIT)" >&2; exit 2; }
commit=$(git --git-dir="$git_dir" rev-parse "$rev^{commit}")

echo "== private GOROOT with shims: $work/goroot"
rm -rf "$work/goroot" "$work/src"
mkdir -p "$work"
cp -rsL "$go119/." "$work/goroot"
rm -rf "$work/goroot/src"
cp -rL "$go119/src" "$work/goroot/src"
cp -r "$here/goroot-shims/." "$work/goroot/src/"

echo "== kubeconform source at $commit"
# Only the build inputs: the snapshot lacks the blob of a large test fixture, so a full archive fails
# (git still prints "invalid object ... fixtures/valid_large.yaml" for it, and exits 0).
mkdir -p "$work/src"
git --git-dir="$git_dir" archive "$commit" cmd pkg vendor go.mod go.sum | tar -x -C "$work/src"

echo "== go build"
(cd "$work/src" && env GOROOT="$work/goroot" PATH="$work/goroot/bin:$PATH" GOPATH="$work/gopath" \
   GOCACHE="$work/gocache" GOFLAGS=-mod=vendor GOTOOLCHAIN=local GOPROXY=off GO111MODULE=on CGO_ENABLED=0 \
   go build -trimpath -tags=netgo -ldflags "-X main.version=${commit:0:12}" -o "$tools/kubeconform" ./cmd/kubeconform)
echo "built $tools/kubeconform, version $("$tools/kubeconform" -v)"

echo "== schemas"
rm -rf "$tools/kubeconform-schemas"
swagger=${KUBECONFORM_SWAGGER:-$work/1.36.json}
[ -n "${KUBECONFORM_SWAGGER:-}" ] || python3 "$root/schemas/pack.py" unpack "$root/schemas/kubernetes" 1.36 "$swagger"
python3 "$here/openapi2jsonschema.py" "$swagger" "$tools/kubeconform-schemas" 1.36.0
