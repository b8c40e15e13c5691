#!/usr/bin/env bash
# Writes src/Shipshape.Cli/NativeAot/method-order.txt, the order in which the NativeAOT compiler lays out the managed
# code it knows to run (Shipshape.Cli.csproj passes it as IlcOrderFile), so that a run reads its code from a few
# neighbouring pages instead of from all over the binary's 3.4 MB of managed code. Each first read of a page costs a page
# fault, and on a virtual machine a fault costs microseconds: one-file lint, 62 faults on code without the order,
# 37 with it (bench/startup.sh and bench/run.sh show the time).
#
#   bench/method-order.sh          regenerate the file (needs valgrind: apt-get install valgrind)
#
# How: builds the binary without an order, runs the commands below under valgrind's lackey tool, which names every
# block of code as it first runs, and maps the addresses to the compiler's symbols (every name of a folded body).
# Commands come in order of importance: a one-file lint first (the cold start the benchmark measures), then what
# larger runs and the other commands add. A name the compiler no longer produces is ignored, so a stale file costs
# only speed; regenerate it after large changes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out/aot-unordered"
order="$root/src/Shipshape.Cli/NativeAot/method-order.txt"

command -v valgrind >/dev/null || { echo "method-order.sh: valgrind not found: apt-get install valgrind" >&2; exit 2; }

echo "== building the NativeAOT binary without a method order" >&2
dotnet publish "$root/src/Shipshape.Cli/Shipshape.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true -p:IlcOrderFile= \
  -o "$out" --nologo -v q >&2

# valgrind cannot read the compiler's DWARF 5 symbols next to the binary, and needs none: it runs a copy without them.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$out/shipshape" "$work/shipshape"
nm -n "$out/shipshape.dbg" > "$work/symbols"
readelf -SW "$out/shipshape" > "$work/sections"

run() { # name, then the arguments of one shipshape command
  local name=$1; shift
  echo "== tracing: shipshape $*" >&2
  (cd "$root" && valgrind --tool=lackey --trace-superblocks=yes --log-file="$work/trace-$name" "$work/shipshape" "$@" >/dev/null 2>&1) || true
  echo "$work/trace-$name"
}

traces=(
  "$(run one-file lint examples/echo-app/service.yaml)"
  "$(run directory lint examples/)"
  "$(run json lint --format json examples/)"
  "$(run sarif lint --format sarif examples/)"
  "$(run stdin lint - < "$root/examples/echo-app/deployment.yaml")"
  "$(run version --version)"
  "$(run help --help)"
  "$(run rules rules)"
  "$(run schemas schemas)"
)

python3 - "$work/symbols" "$work/sections" "$order" "${traces[@]}" <<'PY'
import bisect, sys
symbols, sections, order_file, traces = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

# The managed code's sections: only there does the compiler's order apply.
ranges = []
for line in open(sections):
    fields = line.replace("[ ", "[").split()
    if len(fields) > 4 and fields[1] in ("__managedcode", "__unbox"):
        start, size = int(fields[3], 16), int(fields[5], 16)
        ranges.append((start, start + size))

# Every name at an address: the compiler folds identical bodies, and a later build may keep another of the names.
starts, names = [], []
for line in open(symbols):
    fields = line.split()
    if len(fields) == 3 and fields[1] in "tTwW":
        address = int(fields[0], 16)
        if any(start <= address < end for start, end in ranges):
            if starts and starts[-1] == address:
                names[-1].append(fields[2])
            else:
                starts.append(address)
                names.append([fields[2]])

ordered, seen = [], set()
for trace in traces:
    for line in open(trace):
        if not line.startswith("SB "):
            continue
        index = bisect.bisect_right(starts, int(line.split()[1], 16)) - 1
        if index >= 0 and index not in seen:
            seen.add(index)
            ordered.extend(names[index])

with open(order_file, "w") as out:
    out.write("\n".join(ordered) + "\n")
print(f"method-order.sh: {len(seen)} of {len(starts)} managed functions run, {len(ordered)} names written to {order_file}", file=sys.stderr)
PY
