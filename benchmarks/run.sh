#!/usr/bin/env bash
# Measures what docs/performance.md reports: where a household's time goes, batch
# throughput for checks and for plans at 1 and all threads, and peak memory over a
# million cases (to show it does not grow with the input).
#
#   benchmarks/run.sh [CASES]     # CASES for the long check run, default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
threads=$(nproc)
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
cmake -S . -B build-bench "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DBARRIERFREE_BUILD_BENCHMARKS=ON \
  -DBARRIERFREE_BUILD_TESTS=OFF -DBARRIERFREE_INSTALL=OFF >/dev/null
cmake --build build-bench --parallel "$threads" >/dev/null
bf=build-bench/src/cli/barrierfree
make_cases=build-bench/benchmarks/bf_make_cases
templates=data/examples/huimin-52.jsonl

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $threads cores, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "barrierfree $("$bf" --version | cut -d' ' -f2), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
# The allocator and the JSON parser matter to the batch (docs/performance.md): say which the tool has.
if ldd "$bf" 2>/dev/null | grep -q mimalloc; then echo "allocator: mimalloc"; else echo "allocator: system malloc"; fi
if ldd "$bf" 2>/dev/null | grep -q simdjson; then echo "case parser: simdjson"; else echo "case parser: nlohmann/json"; fi
echo
echo "== one household, stage by stage (bf_stages) =="
build-bench/benchmarks/bf_stages "$templates" 5
echo

# N MODE JOBS: run the batch over N generated cases, report cases/s and peak memory.
run() {
  local n=$1 mode=$2 jobs=$3 extra=()
  [ "$mode" = check ] && extra=(--check-only)
  local report
  # Every generated case is valid: a batch that reports errors (exit 1) is a failed benchmark.
  report=$( { "$make_cases" "$n" "$templates" |
    /usr/bin/time -f "%e %M" "$bf" batch - "${extra[@]}" -j "$jobs" -o /dev/null --quiet; } 2>&1 | tail -1) ||
    { echo "benchmark run failed: $report" >&2; exit 1; }
  local seconds=${report% *} kib=${report#* }
  awk -v n="$n" -v s="$seconds" -v k="$kib" -v m="$mode" -v j="$jobs" \
    'BEGIN { printf "%-5s -j %-2s %9d cases %8.1f s %9.0f cases/s %7.0f cases/s/thread  peak RSS %6.1f MiB\n", m, j, n, s, n / s, n / s / j, k / 1024 }'
}

echo "== batch: parse, check, write (--check-only) =="
run 10000 check 1
run 10000 check "$threads"
run "$cases" check "$threads"
echo
echo "== batch: parse, check, plan, prove, price, write =="
run 2000 plan 1
run 10000 plan "$threads"
