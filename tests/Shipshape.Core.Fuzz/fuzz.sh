#!/usr/bin/env bash
# Fuzz the whole pipeline with AFL++ and SharpFuzz.
#   tests/Shipshape.Core.Fuzz/fuzz.sh [SECONDS]     (default 3600)
# Needs: apt-get install afl++ ; the SharpFuzz tool is installed into .tools/ (gitignored).
# Findings land in tests/Shipshape.Core.Fuzz/out/ (gitignored); copy each crash into
# tests/Shipshape.Core.Tests/Fuzz/regressions/ so FuzzRegressionTests replays it forever.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seconds=${1:-3600}
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

seeds="$here/seeds"
mkdir -p "$seeds" "$here/out"
# Seeds: the rule fixtures and the examples, small and varied.
find "$root/tests/Shipshape.Core.Tests/Fixtures" "$root/examples" -name '*.yaml' -size -8k -exec cp {} "$seeds/" \;

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
resume=()
[ -d "$here/out/default/queue" ] && resume=(-i -) || resume=(-i "$seeds")
timeout --preserve-status "$seconds" afl-fuzz "${resume[@]}" -o "$here/out" -t 10000 -m none -x "$here/yaml.dict" -- dotnet "$build/Shipshape.Core.Fuzz.dll" || true
echo "fuzz.sh: summary"; grep -E "execs_done|run_time|saved_crashes|saved_hangs|corpus_count" "$here/out/default/fuzzer_stats" || true
