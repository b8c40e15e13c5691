#!/usr/bin/env bash
# Whole-process benchmark of the NativeAOT shipshape binary (and kubeconform, when available).
#   bench/run.sh [SIZES]      SIZES defaults to "1 10 100" (corpus multiples); with 10, also one 48 MB stream of them;
#                             always a CEL case (bench/cel-corpus.py: a route definition with CEL rules, 3,000 routes)
# Env: CORPUS (default ../shared/corpus/public), KUBECONFORM (binary; default: bench/out/tools/kubeconform
#      from bench/kubeconform/build.sh, else `kubeconform` on PATH), KUBECONFORM_SCHEMAS (schema directory
#      for kubeconform -schema-location; default with the built binary: bench/out/tools/kubeconform-schemas),
#      RUNS (hyperfine runs, default 5), COLD_RUNS (hyperfine runs of the one-file cold start, default 40: a run takes
#      milliseconds, and with 5 the ratio moved from 0.30 to 0.37 between builds that differed only in names).
# Needs hyperfine (apt-get install hyperfine) and GNU time (/usr/bin/time). Results go to bench/out/results.md.
# hyperfine times one tool's runs, then the other's. For the corpora, minutes apart, each ratio is also measured with the
# two tools run in alternation (bench/paired.py), which this VM's drift of up to 25% within minutes does not skew: trust
# that one. (The cold start's runs are seconds apart, and Python's few milliseconds of process start-up would skew a
# ratio of 10 ms to 32 ms, so it has only hyperfine's.)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/out"
corpus=${CORPUS:-$root/../shared/corpus/public}
sizes=${1:-"1 10 100"}
runs=${RUNS:-5}
cold_runs=${COLD_RUNS:-40}
if [ -z "${KUBECONFORM:-}" ] && [ -x "$out/tools/kubeconform" ]; then
  KUBECONFORM=$out/tools/kubeconform
  KUBECONFORM_SCHEMAS=${KUBECONFORM_SCHEMAS:-$out/tools/kubeconform-schemas}
fi
kubeconform=${KUBECONFORM:-$(command -v kubeconform || true)}
# Comparable with shipshape's defaults: strict (unknown fields, duplicate keys), the same Kubernetes
# version (shipshape's default target, its newest schema set, 1.36), one worker per core as shipshape's --threads (kubeconform
# defaults to 4 goroutines). -ignore-missing-schemas: kubeconform has no schema for CustomResourceDefinitions,
# custom resources or removed apiVersions and would report each as an error; it skips them instead (shipshape
# checks custom resources against the CRDs in the set, so it does somewhat more work on such corpora).
kubeconform_flags=(-strict -summary -ignore-missing-schemas -kubernetes-version 1.36.0 -n "$(nproc)"
                   -schema-location "${KUBECONFORM_SCHEMAS:-}")

command -v hyperfine >/dev/null || { echo "run.sh: hyperfine not found: apt-get install hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time not found: apt-get install time" >&2; exit 2; }
mkdir -p "$out"

echo "== building the NativeAOT binary"
dotnet publish "$root/src/Shipshape.Cli/Shipshape.Cli.csproj" -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" --nologo -v q
shipshape="$out/aot/shipshape"

echo "== making corpora"
for n in $sizes; do
  dir="$out/corpus-x$n"
  if [ ! -d "$dir" ]; then
    dotnet run --project "$here/Shipshape.Benchmarks" -c Release -- corpus "$corpus" "$dir" "$n"
  fi
done

results="$out/results.md"
{
  echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -m)"
  echo
  echo "| tool | corpus | files | objects | MB | wall s (mean ± σ) | objects/s | MB/s | CPU s | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
} > "$results"

measure() { # name corpus-label path (file or directory) command...
  local name=$1 label=$2 dir=$3; shift 3
  # -N: no shell between hyperfine and the tool, whose cold start (a few ms) is shorter than a shell's spread.
  local json="$out/hyperfine-$name-$label.json"
  hyperfine -N --warmup 1 --runs "${MEASURE_RUNS:-$runs}" -i --export-json "$json" "$*" >/dev/null
  local mean sd
  mean=$(grep -m1 '"mean"' "$json" | tr -dc '0-9.')
  sd=$(grep -m1 '"stddev"' "$json" | tr -dc '0-9.')
  local timing="$out/time-$name-$label.txt"
  /usr/bin/time -v "$@" >/dev/null 2>"$timing" || true
  local rss cpu
  rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$timing")
  cpu=$(awk -F: '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$timing")
  local files objects mb
  files=$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | wc -l)
  mb=$(du -sb "$dir" | awk '{printf "%.1f", $1/1e6}')
  objects=$("$shipshape" lint --format json "$dir" 2>/dev/null | grep -m1 '"resources"' | tr -dc '0-9')
  printf '| %s | %s | %s | %s | %s | %.3f ± %.3f | %.0f | %.1f | %s | %s |\n' "$name" "$label" "$files" "$objects" "$mb" "$mean" "$sd" \
    "$(echo "$objects / $mean" | bc -l)" "$(echo "$mb / $mean" | bc -l)" "$cpu" "$rss" >> "$results"
  echo "$mean"
}

small="$root/examples/echo-app/service.yaml"
echo "== cold start on one small file"
s_cold=$(MEASURE_RUNS=$cold_runs measure shipshape cold-1-file "$small" "$shipshape" lint "$small")
if [ -n "$kubeconform" ] && [ -n "${KUBECONFORM_SCHEMAS:-}" ]; then
  k_cold=$(MEASURE_RUNS=$cold_runs measure kubeconform cold-1-file "$small" "$kubeconform" "${kubeconform_flags[@]}" "$small")
  echo "cold start ratio shipshape/kubeconform: $(echo "$s_cold / $k_cold" | bc -l)" | tee -a "$results"
fi

for n in $sizes; do
  dir="$out/corpus-x$n"
  echo "== corpus x$n"
  s=$(measure shipshape "x$n" "$dir" "$shipshape" lint --format json --output /dev/null "$dir")
  if [ -n "$kubeconform" ] && [ -n "${KUBECONFORM_SCHEMAS:-}" ]; then
    k=$(measure kubeconform "x$n" "$dir" "$kubeconform" "${kubeconform_flags[@]}" "$dir")
    echo "x$n wall ratio shipshape/kubeconform: $(echo "$s / $k" | bc -l)" | tee -a "$results"
    echo "x$n wall ratio, runs alternating (median [lowest-highest] of $runs pairs): $(python3 "$here/paired.py" "$runs" \
      "$shipshape" lint --format json --output /dev/null "$dir" -- "$kubeconform" "${kubeconform_flags[@]}" "$dir")" | tee -a "$results"
  fi
done

# One large stream, as a rendered chart or a cluster dump piped in: the ×10 corpus's YAML files joined into one file of
# at most 48 MB (shipshape's default file limit is 64 MB), read and checked in segments on all cores.
if [[ " $sizes " == *" 10 "* ]]; then
  stream="$out/stream-x10.yaml"
  if [ ! -f "$stream" ]; then
    find "$out/corpus-x10" -type f \( -name '*.yaml' -o -name '*.yml' \) | sort | while read -r file; do
      [ "$(stat -c %s "$stream.tmp" 2>/dev/null || echo 0)" -lt 48000000 ] || break
      cat "$file" >> "$stream.tmp"; printf '\n---\n' >> "$stream.tmp"
    done || true  # the loop stops reading early on purpose
    mv "$stream.tmp" "$stream"
  fi
  echo "== one stream of the x10 corpus's YAML files"
  s=$(measure shipshape "stream" "$stream" "$shipshape" lint --format json --output /dev/null "$stream")
  if [ -n "$kubeconform" ] && [ -n "${KUBECONFORM_SCHEMAS:-}" ]; then
    k=$(measure kubeconform "stream" "$stream" "$kubeconform" "${kubeconform_flags[@]}" "$stream")
    echo "stream wall ratio shipshape/kubeconform: $(echo "$s / $k" | bc -l)" | tee -a "$results"
  fi
fi

# CEL: a Gateway-API-style route definition whose schema carries x-kubernetes-validations rules and 3,000 routes
# (bench/cel-corpus.py). Shipshape evaluates every rule on every route; kubeconform has no schema for custom
# resources and skips them (-ignore-missing-schemas), so its time is only what reading the file costs it.
cel="$out/cel-3000-routes.yaml"
[ -f "$cel" ] || python3 "$here/cel-corpus.py" "$cel" 3000
echo "== CEL rules of a route definition on 3,000 routes"
s=$(measure shipshape "cel-routes" "$cel" "$shipshape" lint --format json --output /dev/null "$cel")
if [ -n "$kubeconform" ] && [ -n "${KUBECONFORM_SCHEMAS:-}" ]; then
  k=$(measure kubeconform "cel-routes" "$cel" "$kubeconform" "${kubeconform_flags[@]}" "$cel")
  echo "cel-routes wall ratio shipshape/kubeconform (kubeconform skips the routes): $(echo "$s / $k" | bc -l)" | tee -a "$results"
fi

[ -n "$kubeconform" ] || echo "(kubeconform not found: set KUBECONFORM and KUBECONFORM_SCHEMAS to compare)" | tee -a "$results"
cat "$results"
