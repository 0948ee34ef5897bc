#!/usr/bin/env bash
# Times the check batch of this checkout against an earlier commit on the same machine,
# the two run in turn (the virtual machine's speed drifts by 10% within an hour, so
# figures from different runs of benchmarks/run.sh do not compare; docs/performance.md).
#
#   benchmarks/compare.sh REV [CASES] [ROUNDS] [check|plan]
#                                   # defaults: 20000 cases, 3 rounds, best of each, the check batch
#
# REV is built in build-compare/REV (a git worktree); this checkout in build-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:?usage: benchmarks/compare.sh REV [CASES] [ROUNDS] [check|plan]}
cases=${2:-20000}
rounds=${3:-3}
mode=${4:-check}
case "$mode" in check) only=(--check-only) ;; plan) only=() ;; *) echo "mode is check or plan" >&2; exit 2 ;; esac
threads=$(nproc)
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
build() {  # SOURCE BUILD_DIR [extra cmake args]
  cmake -S "$1" -B "$2" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DBARRIERFREE_BUILD_TESTS=OFF \
    -DBARRIERFREE_INSTALL=OFF "${@:3}" >/dev/null
  cmake --build "$2" --parallel "$threads" >/dev/null
}
build . build-bench -DBARRIERFREE_BUILD_BENCHMARKS=ON
sha=$(git rev-parse --short "$rev")
tree=build-compare/$sha
[ -d "$tree/src" ] || git worktree add --detach "$tree/src" "$rev" >/dev/null
build "$tree/src" "$tree/build"
input=$(mktemp)
trap 'rm -f "$input"' EXIT
build-bench/benchmarks/bf_make_cases "$cases" data/examples/huimin-52.jsonl >"$input"
run_once() {  # BINARY: seconds for one run of the batch
  /usr/bin/time -f "%e" "$1" batch "$input" "${only[@]}" -j 1 -o /dev/null --quiet 2>&1 | tail -1
}
old=1e9 new=1e9
for _ in $(seq "$rounds"); do
  old=$(awk -v a="$(run_once "$tree/build/src/cli/barrierfree")" -v b="$old" 'BEGIN { print (a < b) ? a : b }')
  new=$(awk -v a="$(run_once build-bench/src/cli/barrierfree)" -v b="$new" 'BEGIN { print (a < b) ? a : b }')
done
awk -v o="$old" -v n="$new" -v c="$cases" -v r="$sha" -v h="$(git rev-parse --short HEAD)" -v m="$mode" 'BEGIN {
  printf m " -j 1, %d cases, best of each:\n  %s %6.2f s  %4.0f us/case  %5.0f cases/s\n  %s %6.2f s  %4.0f us/case  %5.0f cases/s  (%+.1f%%)\n",
         c, r, o, o / c * 1e6, c / o, h, n, n / c * 1e6, c / n, (n / o - 1) * 100 }'
