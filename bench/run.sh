#!/usr/bin/env bash
# Benchmark of await-holding against clang++ -fsyntax-only and clang-tidy.
#
#   bench/run.sh [path/to/await-holding]
#
# Default binary: build/await-holding relative to the repository root.
# Environment knobs (defaults in brackets):
#   BENCH_RUNS        runs per measurement, the median is reported [5]
#   BENCH_JOBS        parallel per-file invocations in multi-file corpora [nproc]
#   BENCH_SLOW_SECS   a measurement in which one process took longer than
#                     this (wall seconds) on its first run is not repeated:
#                     1 run, flagged with * [10]
#   BENCH_P_RUNS      runs of the single-process -p database measurement [3]
#   BENCH_BUDGET      seconds for generation, measurement rounds and the
#                     --stats pass; a further round is started only if it is
#                     expected to fit (0 = no limit) [250]
#   BENCH_TIMEOUT     per-invocation timeout in seconds [180]
#   BENCH_CORPORA     space-separated subset of corpora to run [all]
#   BENCH_KEEP        1 = keep the temporary directory (corpora, outputs) [0]
#   BENCH_TIMER       "bash" = use bash's time even if /usr/bin/time exists
#   CLANGXX CLANG CLANG_TIDY   the tools [clang++-22 clang-22 clang-tidy-22]
# See bench/README.md for how to read the numbers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)

ah=${1:-$root/build/await-holding}
if [[ $ah != /* ]]; then
	# relative paths are taken relative to the caller's directory first,
	# then to the repository root
	if [[ -e $ah ]]; then ah=$(cd "$(dirname "$ah")" && pwd)/$(basename "$ah")
	else ah=$root/$ah; fi
fi
[[ -x $ah ]] || { echo "run.sh: await-holding binary not found or not executable: $ah" >&2; exit 2; }

: "${BENCH_RUNS:=5}"
: "${BENCH_JOBS:=$(nproc 2>/dev/null || echo 1)}"
: "${BENCH_SLOW_SECS:=10}"
: "${BENCH_P_RUNS:=3}"
: "${BENCH_BUDGET:=250}"
: "${BENCH_TIMEOUT:=180}"
: "${BENCH_CORPORA:=realistic many-awaits many-awaits-held deep-nesting c-heavy}"
: "${BENCH_KEEP:=0}"
: "${CLANGXX:=clang++-22}"
: "${CLANG:=clang-22}"
: "${CLANG_TIDY:=clang-tidy-22}"
tidy_checks='-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock'

for t in "$CLANGXX" "$CLANG" "$CLANG_TIDY" awk; do
	command -v "$t" >/dev/null || { echo "run.sh: missing tool: $t" >&2; exit 2; }
done
[[ $BENCH_RUNS =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: BENCH_RUNS must be a positive integer" >&2; exit 2; }
[[ $BENCH_JOBS =~ ^[1-9][0-9]*$ ]] || BENCH_JOBS=1
[[ $BENCH_P_RUNS =~ ^[0-9]+$ ]] || BENCH_P_RUNS=0
[[ $BENCH_BUDGET =~ ^[0-9]+$ ]] || BENCH_BUDGET=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ah-bench.XXXXXX")
cleanup() { if [[ $BENCH_KEEP == 1 ]]; then echo "kept: $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

# Measure a snapshot: the binary may be rebuilt while the benchmark runs.
ah_src=$ah
ah_stamp=$(date -r "$ah_src" '+%Y-%m-%d %H:%M:%S' 2>/dev/null || echo '?')
mkdir -p "$tmp/bin"
cp "$ah_src" "$tmp/bin/await-holding"
ah=$tmp/bin/await-holding

# --- timing ---------------------------------------------------------------
# timed OUTFILE TIMEFILE cmd...: runs cmd with stdout+stderr to OUTFILE and
# writes "wall user sys rc" to TIMEFILE.  Never fails.
if [[ -x /usr/bin/time && ${BENCH_TIMER:-} != bash ]]; then
	timer="/usr/bin/time"
	timed() {
		local out=$1 tf=$2 rc=0
		shift 2
		/usr/bin/time -f '%e %U %S' -o "$tf.raw" timeout "$BENCH_TIMEOUT" "$@" >"$out" 2>&1 || rc=$?
		# GNU time prefixes "Command exited with non-zero status N" on failure
		echo "$(tail -n 1 "$tf.raw") $rc" >"$tf"
	}
else
	timer="bash time (TIMEFORMAT)"
	timed() {
		local out=$1 tf=$2 rc=0 TIMEFORMAT='%R %U %S'
		shift 2
		{ time timeout "$BENCH_TIMEOUT" "$@" >"$out" 2>&1 || rc=$?; } 2>"$tf.raw"
		echo "$(tail -n 1 "$tf.raw") $rc" >"$tf"
	}
fi

now() { date +%s.%N; }

# cmd_for TOOL LANG FILE: sets the array CMD to the command line of TOOL
# (clang, tidy or ah) for FILE in LANG (cpp or c).
ah_config=()        # extra await-holding options for the current corpus
cmd_for() {
	local tool=$1 lang=$2 file=$3
	local std=-std=c++20
	[[ $lang == c ]] && std=-std=gnu11
	case $tool in
	clang)
		if [[ $lang == c ]]; then CMD=("$CLANG" -fsyntax-only "$std" "$file")
		else CMD=("$CLANGXX" -fsyntax-only "$std" "$file"); fi ;;
	tidy) CMD=("$CLANG_TIDY" "-checks=$tidy_checks" "$file" -- "$std") ;;
	ah) CMD=("$ah" ${ah_config[@]+"${ah_config[@]}"} "$file" -- "$std") ;;
	esac
}

# run_batch TOOL LANG RUNDIR FILE...: one process per file, BENCH_JOBS at a
# time.  Prints "wall cpu rcs maxwall": wall is the batch's elapsed time,
# cpu the sum of user+sys over the processes, rcs the distinct exit codes,
# maxwall the longest single process.
run_batch() {
	local tool=$1 lang=$2 dir=$3
	shift 3
	mkdir -p "$dir"
	local t0 t1 f i=0 running=0
	t0=$(now)
	for f in "$@"; do
		cmd_for "$tool" "$lang" "$f"
		timed "$dir/$i.out" "$dir/$i.time" "${CMD[@]}" &
		i=$((i + 1))
		running=$((running + 1))
		if ((running >= BENCH_JOBS)); then
			wait -n || true
			running=$((running - 1))
		fi
	done
	wait || true
	t1=$(now)
	cat "$dir"/*.time | awk -v t0="$t0" -v t1="$t1" '
		{ cpu += $2 + $3; rc[$4] = 1; if ($1 > mx) mx = $1 }
		END {
			s = ""; for (r in rc) s = s (s == "" ? "" : ",") r
			printf "%.3f %.3f %s %.2f\n", t1 - t0, cpu, s, mx
		}'
}

# Sum of the individual wall times of the last batch in DIR (serial cost).
batch_wall_sum() { cat "$1"/*.time | awk '{ w += $1 } END { printf "%.3f\n", w }'; }

# diagnostics in the outputs of DIR (our findings / clang-tidy warnings)
count_diags() {
	cat "$1"/*.out 2>/dev/null | grep -cE 'warning: .*\[(await-holding|misc-coroutine-hostile-raii|cppcoreguidelines-no-suspend-with-lock)\]$' || true
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# --- --stats detection ----------------------------------------------------
have_stats=0
ah_help=$("$ah" --help 2>&1 || true)
if grep -q -- --stats <<<"$ah_help"; then have_stats=1; fi

# own_share LANG FILE...: runs "await-holding --stats" once per file and
# tries to turn its report into "share of our own work after the parse".
# The format is not fixed yet; recognised: a percentage on a line that
# mentions analysis/own/share, or separate parse and analysis times.
own_share() {
	local lang=$1
	shift
	local f sdir=$tmp/stats/$RANDOM
	mkdir -p "$sdir"
	local i=0
	for f in "$@"; do
		cmd_for ah "$lang" "$f"
		# insert --stats after the binary
		timeout "$BENCH_TIMEOUT" "${CMD[0]}" --stats "${CMD[@]:1}" >"$sdir/$i.out" 2>&1 || true
		i=$((i + 1))
	done
	cat "$sdir"/*.out | grep -v -E ':[0-9]+:[0-9]+: (warning|note|error|remark): ' | awk '
		function num_after(s, key,   i, m) {
			i = index(tolower(s), key)
			if (!i) return -1
			m = substr(s, i + length(key))
			if (match(m, /[0-9]+(\.[0-9]+)?/)) return substr(m, RSTART, RLENGTH) + 0
			return -1
		}
		# a percentage on a line about our share; weighted by the parse
		# time on the same line when there is one ("parse 0.62 ... 0.4%")
		tolower($0) ~ /(analy|ours|own|share)/ && /%/ {
			line = $0; sub(/%.*/, "", line); n = split(line, w, /[^0-9.]+/)
			if (n > 0 && w[n] != "") {
				p = num_after($0, "parse")
				if (p > 0) { wsum += w[n] * p; psum += p } else { pct += w[n]; npct++ }
				next
			}
		}
		# or separate lines "parse: X" and "analysis: Y"
		tolower($0) ~ /parse/ { v = num_after($0, "parse"); if (v >= 0) parse += v; next }
		tolower($0) ~ /(analy|own|walk|flow)/ { if (match($0, /[0-9]+(\.[0-9]+)?/)) own += substr($0, RSTART, RLENGTH) }
		END {
			if (psum > 0) printf "%.1f%%\n", wsum / psum
			else if (npct > 0) printf "%.1f%%\n", pct / npct
			else if (parse > 0) printf "%.1f%%\n", 100 * own / parse
			else print "?"
		}'
	# keep one raw sample for the report
	[[ -s $tmp/stats-sample.txt ]] || grep -v -E ':[0-9]+:[0-9]+: (warning|note|error|remark): ' "$sdir/0.out" | head -n 15 >"$tmp/stats-sample.txt" 2>/dev/null || true
}

# --- corpora --------------------------------------------------------------
start=$(now)
echo "generating corpora ..." >&2
bash "$here/gen.sh" "$tmp/corpora" >&2

declare -A R_WALL R_CPU R_N R_DIAG R_RC R_SHARE R_FILES R_NOTE R_LANG R_CFG R_WANT R_LAST
notes=()

# prepare_corpus CORPUS: file list, language, await-holding config.
prepare_corpus() {
	local corpus=$1
	local cdir=$tmp/corpora/$corpus
	[[ -f $cdir/files.txt ]] || { notes+=("$corpus: not generated, skipped"); return 0; }
	R_FILES[$corpus]=$(wc -l <"$cdir/files.txt")
	R_LANG[$corpus]=cpp
	R_CFG[$corpus]=""
	local tools="clang tidy ah"
	if [[ $corpus == c-heavy ]]; then
		R_LANG[$corpus]=c
		tools="clang ah"
		# Use bench/c.toml unless the checker rejects it (exit 2).
		local rc=0 msg first
		first=$(head -n 1 "$cdir/files.txt")
		msg=$(timeout "$BENCH_TIMEOUT" "$ah" --config "$here/c.toml" "$first" -- -std=gnu11 2>&1) || rc=$?
		if ((rc == 2)); then
			notes+=("c-heavy: the checker REJECTED bench/c.toml (exit 2), await-holding ran WITHOUT --config: $(printf '%s\n' "$msg" | grep -m1 -i -E 'error|unknown|invalid' || printf '%s\n' "$msg" | head -n 1)")
		else
			R_CFG[$corpus]=$here/c.toml
			notes+=("c-heavy: await-holding ran with --config bench/c.toml (aco_yield suspends; pthread_mutex_t; pthread_mutex_lock/unlock)")
		fi
	fi
	local t
	for t in $tools; do
		R_WANT[$corpus.$t]=$BENCH_RUNS
		: >"$tmp/$corpus.$t.w"
		: >"$tmp/$corpus.$t.c"
	done
}

# run_cell CORPUS TOOL ROUND: one timed pass of TOOL over CORPUS.
run_cell() {
	local corpus=$1 t=$2 r=$3
	local -a files
	mapfile -t files <"$tmp/corpora/$corpus/files.txt"
	ah_config=()
	[[ -z ${R_CFG[$corpus]} ]] || ah_config=(--config "${R_CFG[$corpus]}")
	local res w c rcs maxw
	res=$(run_batch "$t" "${R_LANG[$corpus]}" "$tmp/out/$corpus/$t" "${files[@]}")
	read -r w c rcs maxw <<<"$res"
	printf '   round %d %-18s %-5s wall %7.2fs  cpu %7.2fs  exit %s\n' "$r" "$corpus" "$t" "$w" "$c" "$rcs" >&2
	echo "$w" >>"$tmp/$corpus.$t.w"
	echo "$c" >>"$tmp/$corpus.$t.c"
	R_LAST[$corpus.$t]=$w
	if [[ $corpus == realistic && $t == clang ]]; then
		# serial cost of the per-file clang++ runs, for the -p comparison
		batch_wall_sum "$tmp/out/$corpus/$t" >>"$tmp/realistic.clang.wsum"
	fi
	R_RC[$corpus.$t]=$(merge_rcs "${R_RC[$corpus.$t]:-}" "$rcs")
	if ((r == 1)) && awk -v w="$maxw" -v s="$BENCH_SLOW_SECS" 'BEGIN { exit !(w > s) }'; then
		R_WANT[$corpus.$t]=1
		R_NOTE[$corpus.$t]="*"
		notes+=("* $corpus: one $(toolname "$t") process took ${maxw}s wall (> BENCH_SLOW_SECS=$BENCH_SLOW_SECS): measured once, not repeated")
	fi
}

# run_compdb ROUND: the whole realistic database in one await-holding -p.
run_compdb() {
	local r=$1 dir=$tmp/out/compdb w u s rc c
	mkdir -p "$dir"
	# from the project directory, as a user would run it (see README: the
	# result of -p may depend on the working directory)
	# --no-index: every round parses the database, as the per-file runs do (bench/index.sh measures the index)
	(cd "$tmp/corpora/realistic" && timed "$dir/0.out" "$dir/0.time" "$ah" -p . --no-index)
	read -r w u s rc <"$dir/0.time"
	c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')
	printf '   round %d %-18s %-5s wall %7.2fs  cpu %7.2fs  exit %s\n' "$r" "realistic -p" "ah" "$w" "$c" "$rc" >&2
	echo "$w" >>"$tmp/compdb.w"
	echo "$c" >>"$tmp/compdb.c"
	R_LAST[compdb]=$w
	R_RC[compdb]=$(merge_rcs "${R_RC[compdb]:-}" "$rc")
}

merge_rcs() { printf '%s\n' "$1" "$2" | tr ',' '\n' | grep -v '^$' | sort -un | paste -sd, -; }
toolname() { case $1 in clang) echo clang++/clang ;; tidy) echo clang-tidy ;; ah) echo await-holding ;; *) echo "$1" ;; esac; }

corpora=()
for corpus in $BENCH_CORPORA; do
	case $corpus in
	realistic | many-awaits | many-awaits-held | deep-nesting | c-heavy)
		prepare_corpus "$corpus"
		[[ -z ${R_FILES[$corpus]:-} ]] || corpora+=("$corpus") ;;
	*) echo "run.sh: unknown corpus '$corpus'" >&2 ;;
	esac
done
do_compdb=0
if [[ -n ${R_FILES[realistic]:-} && -f $tmp/corpora/realistic/compile_commands.json ]] && ((BENCH_P_RUNS > 0)); then
	do_compdb=1
	: >"$tmp/compdb.w"
	: >"$tmp/compdb.c"
fi

# Rounds: every measurement once per round, so slow drifts in the machine's
# load hit all tools alike.  Before each round after the first, stop if the
# round (estimated from the previous one) would overrun BENCH_BUDGET.
rounds=0
for ((r = 1; r <= BENCH_RUNS || (do_compdb && r <= BENCH_P_RUNS); r++)); do
	if ((r > 1 && BENCH_BUDGET > 0)); then
		est=0
		for corpus in "${corpora[@]}"; do
			for t in clang tidy ah; do
				[[ -n ${R_WANT[$corpus.$t]:-} ]] && ((r <= R_WANT[$corpus.$t])) || continue
				est=$(awk -v a="$est" -v b="${R_LAST[$corpus.$t]}" 'BEGIN { print a + b }')
			done
		done
		((do_compdb && r <= BENCH_P_RUNS)) && est=$(awk -v a="$est" -v b="${R_LAST[compdb]}" 'BEGIN { print a + b }')
		# the --stats pass at the end costs about one more await-holding round
		if ((have_stats)); then
			for corpus in "${corpora[@]}"; do
				est=$(awk -v a="$est" -v b="${R_LAST[$corpus.ah]:-0}" 'BEGIN { print a + b }')
			done
		fi
		if awk -v s="$start" -v n="$(now)" -v e="$est" -v b="$BENCH_BUDGET" 'BEGIN { exit !(n - s + e > b) }'; then
			notes+=("time budget: stopped after $rounds round(s); round $r would end past BENCH_BUDGET=${BENCH_BUDGET}s (estimated ${est}s more). Medians are of the runs listed under 'runs'; raise BENCH_BUDGET (0 = no limit) for more.")
			break
		fi
	fi
	echo "== round $r" >&2
	for corpus in "${corpora[@]}"; do
		for t in clang tidy ah; do
			[[ -n ${R_WANT[$corpus.$t]:-} ]] && ((r <= R_WANT[$corpus.$t])) || continue
			run_cell "$corpus" "$t" "$r"
		done
		if [[ $corpus == realistic ]] && ((do_compdb && r <= BENCH_P_RUNS)); then run_compdb "$r"; fi
	done
	rounds=$r
done

for corpus in "${corpora[@]}"; do
	for t in clang tidy ah; do
		[[ -n ${R_WANT[$corpus.$t]:-} ]] || continue
		R_WALL[$corpus.$t]=$(median <"$tmp/$corpus.$t.w")
		R_CPU[$corpus.$t]=$(median <"$tmp/$corpus.$t.c")
		R_N[$corpus.$t]=$(wc -l <"$tmp/$corpus.$t.w")
		R_DIAG[$corpus.$t]=$(count_diags "$tmp/out/$corpus/$t")
	done
	R_NOTE[$corpus.ahbytes]=$(cat "$tmp/out/$corpus/ah"/*.out | wc -c)
	if [[ $corpus == realistic ]]; then
		R_WALL[realistic.clangsum]=$(median <"$tmp/realistic.clang.wsum")
	fi
done
if ((do_compdb)) && [[ -s $tmp/compdb.w ]]; then
	R_WALL[compdb]=$(median <"$tmp/compdb.w")
	R_CPU[compdb]=$(median <"$tmp/compdb.c")
	R_N[compdb]=$(wc -l <"$tmp/compdb.w")
	R_DIAG[compdb]=$(count_diags "$tmp/out/compdb")
fi
if ((have_stats)); then
	echo "== --stats" >&2
	for corpus in "${corpora[@]}"; do
		mapfile -t files <"$tmp/corpora/$corpus/files.txt"
		ah_config=()
		[[ -z ${R_CFG[$corpus]} ]] || ah_config=(--config "${R_CFG[$corpus]}")
		R_SHARE[$corpus]=$(own_share "${R_LANG[$corpus]}" "${files[@]}")
	done
fi
end=$(now)

# --- report ---------------------------------------------------------------
fmt() { [[ -n ${1:-} && $1 != nan ]] && printf '%.2f' "$1" || printf -- '-'; }
ratio() { # a b -> a/b
	if [[ -z ${1:-} || -z ${2:-} || $1 == nan || $2 == nan ]]; then printf -- '-'; return; fi
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'
}

echo
echo "await-holding benchmark: $("$ah" --version 2>/dev/null | head -n 1 || echo '?'), $ah_src (built $ah_stamp)"
echo "$(uname -m), $(nproc) cpu(s), load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?), timer: $timer," \
	"BENCH_RUNS=$BENCH_RUNS, $BENCH_JOBS parallel job(s) per corpus"
echo "median seconds over the runs listed under 'details'; wall = elapsed for the whole corpus,"
echo "cpu = user+sys summed over its processes (the stable number on a shared machine); * = measured once"
echo

label() {
	case $1 in
	many-awaits-held) echo "many-awaits-held(worst output)" ;;
	*) echo "$1" ;;
	esac
}

share_hdr=""
((have_stats)) && share_hdr="  own%"
printf '%-30s %5s | %15s | %15s | %15s | %11s | %11s |%s\n' \
	"corpus" "files" "clang++/clang" "clang-tidy" "await-holding" "ah/clang++" "ah/tidy" "$share_hdr"
printf '%-30s %5s | %7s %7s | %7s %7s | %7s %7s | %5s %5s | %5s %5s |%s\n' \
	"" "" "wall" "cpu" "wall" "cpu" "wall" "cpu" "wall" "cpu" "wall" "cpu" "$( ((have_stats)) && echo "  share")"
printf '%s\n' "$(printf '%.0s-' {1..127})"
for corpus in $BENCH_CORPORA; do
	[[ -n ${R_FILES[$corpus]:-} ]] || continue
	cw=${R_WALL[$corpus.clang]:-}; cc=${R_CPU[$corpus.clang]:-}
	tw=${R_WALL[$corpus.tidy]:-}; tc=${R_CPU[$corpus.tidy]:-}
	aw=${R_WALL[$corpus.ah]:-}; ac=${R_CPU[$corpus.ah]:-}
	share=""
	((have_stats)) && share=$(printf '  %6s' "${R_SHARE[$corpus]:-?}")
	printf '%-30s %5s | %6s%1s %7s | %6s%1s %7s | %6s%1s %7s | %5s %5s | %5s %5s |%s\n' \
		"$(label "$corpus")" "${R_FILES[$corpus]}" \
		"$(fmt "$cw")" "${R_NOTE[$corpus.clang]:-}" "$(fmt "$cc")" \
		"$(fmt "$tw")" "${R_NOTE[$corpus.tidy]:-}" "$(fmt "$tc")" \
		"$(fmt "$aw")" "${R_NOTE[$corpus.ah]:-}" "$(fmt "$ac")" \
		"$(ratio "$aw" "$cw")" "$(ratio "$ac" "$cc")" \
		"$(ratio "$aw" "$tw")" "$(ratio "$ac" "$tc")" "$share"
done
if [[ -n ${R_CPU[compdb]:-} ]]; then
	# per-file clang++ sum: cpu is already a sum; wall is the sum of the
	# individual process times (what a serial build would spend)
	csum_w=${R_WALL[realistic.clangsum]}
	csum_c=${R_CPU[realistic.clang]}
	printf '%-30s %5s | %7s %7s | %7s %7s | %7s %7s | %5s %5s | %5s %5s |\n' \
		"realistic -p (1 process)" "${R_FILES[realistic]}" \
		"$(fmt "$csum_w")" "$(fmt "$csum_c")" "" "" \
		"$(fmt "${R_WALL[compdb]}")" "$(fmt "${R_CPU[compdb]}")" \
		"$(ratio "${R_WALL[compdb]}" "$csum_w")" "$(ratio "${R_CPU[compdb]}" "$csum_c")" "" ""
fi
echo
echo "details (runs, diagnostics in the output, exit codes seen):"
printf '  %-26s %-14s %4s %8s %12s  %s\n' "corpus" "tool" "runs" "diags" "output" "exit"
for corpus in $BENCH_CORPORA; do
	[[ -n ${R_FILES[$corpus]:-} ]] || continue
	for t in clang tidy ah; do
		[[ -n ${R_N[$corpus.$t]:-} ]] || continue
		name=$t
		[[ $t == clang ]] && name=clang++/clang
		[[ $t == tidy ]] && name=clang-tidy
		[[ $t == ah ]] && name=await-holding
		out=""
		[[ $t == ah ]] && out="${R_NOTE[$corpus.ahbytes]:-?} B"
		diags=${R_DIAG[$corpus.$t]}
		[[ $t == clang ]] && diags=-
		printf '  %-26s %-14s %4s %8s %12s  %s\n' "$corpus" "$name" "${R_N[$corpus.$t]}" "$diags" "$out" "${R_RC[$corpus.$t]}"
	done
done
if [[ -n ${R_N[compdb]:-} ]]; then
	printf '  %-26s %-14s %4s %8s %12s  %s\n' "realistic -p" "await-holding" "${R_N[compdb]}" "${R_DIAG[compdb]}" "" "${R_RC[compdb]}"
	echo "  -p: one process $(fmt "${R_CPU[compdb]}")s cpu vs $(fmt "${R_CPU[realistic.ah]:-}")s cpu for one await-holding process per file" \
		"(ratio $(ratio "${R_CPU[compdb]}" "${R_CPU[realistic.ah]:-}"))"
	if [[ ${R_DIAG[compdb]} != "${R_DIAG[realistic.ah]:-}" || ${R_RC[compdb]} != 1 ]]; then
		echo "  -p: WARNING: -p gave ${R_DIAG[compdb]} finding(s) (exit ${R_RC[compdb]}) but the per-file runs gave ${R_DIAG[realistic.ah]:-?}:"
		echo "      the -p timing is not comparable. First lines of its output:"
		grep -v -E '\[await-holding\]$|: note: ' "$tmp/out/compdb/0.out" | head -n 5 | cut -c1-160 | sed 's/^/        /'
	fi
fi
echo
echo "notes:"
echo "  - await-holding exits 1 when it has findings and clang-tidy may exit nonzero: not a benchmark failure;"
echo "    exit 124 = timeout (BENCH_TIMEOUT=${BENCH_TIMEOUT}s), >= 128 = killed by a signal (a crash: report it)."
echo "  - clang-tidy diagnostics count both checks (each finding is usually reported by both)."
[[ -z ${R_CPU[compdb]:-} ]] || echo "  - the -p row compares one 'await-holding -p' process over compile_commands.json (run in the corpus"
[[ -z ${R_CPU[compdb]:-} ]] || echo "    directory) with the per-file clang++ runs of the realistic row: cpu = their summed cpu, wall = the"
[[ -z ${R_CPU[compdb]:-} ]] || echo "    sum of their individual wall times$( ((BENCH_JOBS > 1)) && echo " (inflated: they ran $BENCH_JOBS at a time; read the cpu ratio)")."
if ((have_stats)); then
	echo "  - own% = our own work as a share of libclang's parse over the corpus, from one 'await-holding --stats'"
	echo "    run per file (weighted by parse time); it does not include printing the findings."
	if [[ -s $tmp/stats-sample.txt ]]; then
		echo "    sample --stats output (first file of the first corpus):"
		sed 's/^/      /' "$tmp/stats-sample.txt"
	fi
else
	echo "  - 'await-holding --stats' is not available in this build: own-analysis share not measured."
fi
for ((i = 0; i < ${#notes[@]}; i++)); do echo "  - ${notes[$i]}"; done
awk -v s="$start" -v e="$end" -v r="$rounds" 'BEGIN { printf "  - %d round(s); total benchmark time %.0fs (generation + measurements)\n", r, e - s }'
