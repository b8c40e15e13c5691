#!/usr/bin/env bash
# Publishes the NativeAOT binary for linux-x64 and checks that it is a faithful build of the CLI: no trimming or
# AOT warnings (warnings are errors in this repository), and `lint` in every format on the given manifests (default:
# the seed corpus and examples/) byte-identical to `dotnet run`'s. Takes minutes, so it is not part of the tests.
# Usage: scripts/verify-aot.sh [PATH...]
set -euo pipefail
cd "$(dirname "$0")/.."

out=${AOT_OUT:-artifacts/aot/linux-x64}
if [ $# -gt 0 ]; then
  paths=("$@")
else
  # shared/corpus lies next to the repository, or next to a directory above it (worktrees).
  seed=
  for dir in .. ../.. ../../..; do
    if [ -d "$dir/shared/corpus/seed" ]; then seed="$dir/shared/corpus/seed"; break; fi
  done
  [ -n "$seed" ] || { echo "shared/corpus/seed not found; give the paths to compare" >&2; exit 2; }
  paths=("$seed" examples)
fi

log=$(mktemp)
trap 'rm -f "$log" "$log.aot" "$log.jit"' EXIT
dotnet publish src/Shipshape.Cli -r linux-x64 -p:PublishAot=true -o "$out" 2>&1 | tee "$log"
if grep -Eq 'warning (IL|CA|CS)[0-9]+' "$log"; then
  echo "FAIL: the NativeAOT publish reported warnings" >&2
  exit 1
fi

# Exit code 1 only means findings; compare the reports and the exit codes. Every format runs, so that each one's
# code paths run in the static binary too (SARIF's fingerprints once loaded OpenSSL, which a static binary cannot).
for format in json sarif junit github msbuild text; do
  aot_status=0; "$out/shipshape" lint --format "$format" "${paths[@]}" > "$log.aot" || aot_status=$?
  jit_status=0; dotnet run --project src/Shipshape.Cli -- lint --format "$format" "${paths[@]}" > "$log.jit" || jit_status=$?
  if [ "$aot_status" != "$jit_status" ] || ! cmp -s "$log.aot" "$log.jit"; then
    echo "FAIL: NativeAOT and dotnet run differ in --format $format (exit $aot_status vs $jit_status)" >&2
    diff "$log.jit" "$log.aot" | head -20 >&2
    exit 1
  fi
done

echo "OK: $(stat -c %s "$out/shipshape") byte binary, no warnings, same reports in every format as dotnet run (exit $aot_status) for ${paths[*]}"
