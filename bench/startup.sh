#!/usr/bin/env bash
# Where a one-file lint's time goes: builds the NativeAOT binary with -p:StartupTrace=true (the phase marks of
# src/Shipshape.Cli/Diagnostics/StartupTrace.cs, absent from every other build), runs it RUNS times (default 40) on
# FILE (default examples/echo-app/service.yaml) and prints each phase's median in milliseconds, then what the garbage
# collector did in the last run. "runtime" is from
# just before the process starts to the first line of Main: the kernel's exec and the .NET runtime's start-up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/aot-trace"
file=${1:-$root/examples/echo-app/service.yaml}

echo "== building the traced NativeAOT binary" >&2
dotnet publish "$root/src/Shipshape.Cli/Shipshape.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true -p:StartupTrace=true \
  -o "$out" --nologo -v q >&2

python3 - "$out/shipshape" "$file" "${RUNS:-40}" <<'PY'
import statistics, subprocess, sys, time
binary, file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
phases, kilobytes = {}, {}
for run_index in range(runs):
    start = time.monotonic_ns()
    run = subprocess.run([binary, "lint", file], capture_output=True, text=True)
    end = time.monotonic_ns()
    previous, allocated_before = start, 0
    for line in run.stderr.splitlines():
        if line.startswith("startup-trace "):
            _, phase, stamp, allocated = line.split()
            phases.setdefault(phase, []).append((int(stamp) - previous) / 1e6)
            kilobytes.setdefault(phase, []).append((int(allocated) - allocated_before) / 1024)
            previous, allocated_before = int(stamp), int(allocated)
        elif line.startswith("startup-gc ") and run_index == runs - 1:
            print(line[len("startup-gc "):])
    phases.setdefault("(exit)", []).append((end - previous) / 1e6)
for phase, times in phases.items():
    allocated = f"{statistics.median(kilobytes[phase]):9.0f} KB allocated" if phase in kilobytes else ""
    print(f"{phase:14} {statistics.median(times):7.2f} ms {allocated}")
print(f"{'total':14} {sum(statistics.median(t) for t in phases.values()):7.2f} ms (sum of medians, {runs} runs)")
PY
