#!/usr/bin/env bash
# Fuzz Shipshape with AFL++ and SharpFuzz, one target at a time (see Program.cs):
#   tests/Shipshape.Core.Fuzz/fuzz.sh [SECONDS] [TARGET]     (default 3600, pipeline)
# TARGET: pipeline | segments | directives | config | schema. Each target keeps its own out/TARGET/ and seeds.
# Needs: apt-get install afl++ ; the SharpFuzz tool is installed into .tools/ (gitignored).
# Findings land in tests/Shipshape.Core.Fuzz/out/ (gitignored); copy each crash into
# tests/Shipshape.Core.Tests/Fuzz/regressions/ so FuzzRegressionTests replays it forever.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-3600}
target=${2:-pipeline}
case "$target" in pipeline|segments|directives|config|schema) ;; *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2;; esac
tools="$root/.tools"

command -v afl-fuzz >/dev/null || { echo "fuzz.sh: afl-fuzz not found: apt-get install afl++" >&2; exit 2; }
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0

build="$here/bin/fuzz"
rm -rf "$build"   # a fresh copy each time: sharpfuzz refuses to instrument twice
dotnet publish "$here/Shipshape.Core.Fuzz.csproj" -c Release -o "$build" --nologo -v q
# Instrument the code under test (not the harness, not the runtime).
for dll in Shipshape.Core.dll SharpYaml.dll YamlDotNet.dll; do
  "$tools/sharpfuzz" "$build/$dll"
done

seeds="$here/seeds/$target"
out="$here/out/$target"
mkdir -p "$seeds" "$out"
# Seeds: small and varied inputs of the target's kind.
case "$target" in
  config) n=0; while IFS= read -r config; do n=$((n + 1)); cp "$config" "$seeds/config-$n.yaml"; done \
            < <(find "$root/examples" "$root/tests" -name '.shipshape.yaml' -size -8k)
          printf 'rules:\n  SHIP2005: warning\nlimits: { maxDepth: 64 }\n' > "$seeds/minimal.yaml" ;;
  schema) printf '{"type":"object","properties":{"spec":{"type":"object","properties":{"size":{"type":"integer","maximum":2},"name":{"type":"string","pattern":"^(a+)+$"}}}}}' > "$seeds/widget.json" ;;
  *)      find "$root/tests/Shipshape.Core.Tests/Fixtures" "$root/examples" -name '*.yaml' -size -8k -exec cp {} "$seeds/" \; ;;
esac

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
resume=()
[ -d "$out/default/queue" ] && resume=(-i -) || resume=(-i "$seeds")
export SHIPSHAPE_FUZZ_TARGET="$target"
timeout --preserve-status "$seconds" afl-fuzz "${resume[@]}" -o "$out" -t 10000 -m none -x "$here/yaml.dict" -- dotnet "$build/Shipshape.Core.Fuzz.dll" || true
echo "fuzz.sh: summary ($target)"; grep -E "execs_done|run_time|saved_crashes|saved_hangs|corpus_count" "$out/default/fuzzer_stats" || true
