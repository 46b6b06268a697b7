#!/usr/bin/env bash
# Benchmark of the project index (checker/index.h), on the bench corpora
# of bench/gen.sh with a compile database each:
#
#   floor      clang++-22 -fsyntax-only (clang-22 for C) over every file, one at a time
#   no-index   await-holding -p DIR --no-index -j1 (every file parsed, as before the index)
#   first      await-holding -p DIR -j1, empty index (parse, walk, write the index)
#   unchanged  the same again: nothing parsed, the index read and its inputs checked
#   header     after an edit of a header that a quarter of the files include
#   single     await-holding -p DIR FILE with a warm index (an editor's run)
#
#   bench/index.sh [path/to/await-holding]
#
# BENCH_RUNS (default 3) rounds, each running every measurement once;
# medians of CPU seconds (user + system: steadier than wall time on a
# shared machine) and of wall seconds.  Corpora and sizes are gen.sh's defaults; BENCH_CORPORA picks
# from "realistic c-heavy".  One process at a time, so the ratios are per
# core; the machine's load shows in the spread (min and max are printed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
ah=$(realpath "${1:-$root/build/await-holding}")
: "${BENCH_RUNS:=3}"
: "${BENCH_CORPORA:=realistic c-heavy}"
: "${CLANGXX:=clang++-22}"
: "${CLANG:=clang-22}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$ah" "$tmp/await-holding"
ah=$tmp/await-holding
bash "$here/gen.sh" "$tmp/gen" >/dev/null

now() { date +%s.%N; }

# median, min, max of the numbers on stdin
stats() { sort -g | awk '{ v[NR] = $1 } END { printf "%.3f %.3f %.3f\n", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

# time_one NAME SETUP CMD...: run SETUP (a shell snippet), then time CMD once;
# wall and CPU (user + system, children included) seconds are appended to
# wall[NAME] and cpu[NAME]
declare -A wall cpu median
time_one() {
  local name=$1 setup=$2 st TIMEFORMAT='%R %U %S' w u sy
  shift 2
  eval "$setup"
  set +e
  { time "$@" >/dev/null 2>"$tmp/last.err"; } 2>"$tmp/time"
  st=$?
  set -e
  [ "$st" -le 1 ] || { echo "index.sh: '$*' failed:" >&2; cat "$tmp/last.err" >&2; exit 2; }
  read -r w u sy <"$tmp/time"
  wall[$name]+="$w "
  cpu[$name]+="$(awk -v a="$u" -v b="$sy" 'BEGIN { print a + b }') "
}

# report NAME: one line; median[NAME] is the CPU median
report() {
  local name=$1 med min max wmed wmin wmax
  read -r med min max < <(tr ' ' '\n' <<<"${cpu[$name]}" | grep . | stats)
  read -r wmed wmin wmax < <(tr ' ' '\n' <<<"${wall[$name]}" | grep . | stats)
  median[$name]=$med
  printf '  %-10s CPU %8.3f s (min %.3f, max %.3f)   wall %8.3f s (min %.3f, max %.3f)\n' \
    "$name" "$med" "$min" "$max" "$wmed" "$wmin" "$wmax"
}

ratio() { awk -v a="${median[$1]}" -v b="${median[$2]}" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

echo "await-holding index bench: $("$ah" --version | head -1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for corpus in $BENCH_CORPORA; do
  d=$tmp/gen/$corpus
  mapfile -t files <"$d/files.txt"
  if [ "$corpus" = c-heavy ]; then
    compiler=$CLANG; std=-std=gnu11
  else
    compiler=$CLANGXX; std=-std=c++20
  fi
  # a project header that a quarter of the files include
  printf '#pragma once\nstatic inline int bench_shared(int x) { return x + 1; }\n' >"$d/bench_shared.h"
  nq=$(((${#files[@]} + 3) / 4))
  for ((i = 0; i < nq; i++)); do
    sed -i '1i #include "bench_shared.h"' "${files[$i]}"
  done
  {
    echo "["
    sep=""
    for f in "${files[@]}"; do
      printf '%s  {"directory": "%s", "file": "%s", "arguments": ["%s", "%s", "-c", "%s"]}' "$sep" "$d" "$f" "$compiler" "$std" "$f"
      sep=$',\n'
    done
    echo; echo "]"
  } >"$d/compile_commands.json"
  idx=$d/.await-holding

  echo
  echo "$corpus: ${#files[@]} files, $nq include bench_shared.h"
  floor() { for f in "${files[@]}"; do "$compiler" "$std" -fsyntax-only "$f" || return 1; done; }
  # in rounds, so that the machine's load hits every measurement alike
  wall=(); cpu=()
  n=0
  for ((r = 0; r < BENCH_RUNS; r++)); do
    time_one floor : floor
    time_one no-index : "$ah" -p "$d" --no-index -j1
    time_one first "rm -rf '$idx'" "$ah" -p "$d" -j1
    time_one unchanged : "$ah" -p "$d" -j1
    time_one header 'n=$((n + 1)); echo "// edit $n" >>"$d/bench_shared.h"' "$ah" -p "$d" -j1
    time_one single : "$ah" -p "$d" -j1 "${files[$((${#files[@]} - 1))]}"
  done
  for m in floor no-index first unchanged header single; do report $m; done
  # the same edit again, to see what it re-parsed
  echo "// edit last" >>"$d/bench_shared.h"
  { "$ah" -p "$d" -j1 --stats 2>&1 >/dev/null || true; } | grep 'index:' | sed 's/^/  after the header edit: /'
  echo "  CPU ratios ($BENCH_RUNS rounds, medians):"
  echo "  first / floor      $(ratio first floor)"
  echo "  no-index / floor   $(ratio no-index floor)"
  echo "  unchanged / first  $(ratio unchanged first)"
  echo "  header / first     $(ratio header first)"
  echo "  single / first     $(ratio single first)"
  echo "  index size         $(du -sh "$idx" | cut -f1) in $(ls "$idx" | wc -l) entries"
done
