#!/usr/bin/env bash
# Stress bench: the pathological shapes of issue 11, each at two sizes.
#
#   bench/stress.sh [path/to/await-holding]
#
# For each shape it generates a small and a large input (the large one
# twice the small one), runs clang++-22 -fsyntax-only and await-holding on
# both, and prints CPU seconds (user + system) and peak memory of each, await-holding's
# ratio to the parse, and its growth per doubling (large / small; 2.0 is
# linear, 4.0 quadratic).  A run that exceeds STRESS_TIMEOUT is shown as
# '>T'.  Not a test: it reports, and fails only on the one bound below.
#
# The bound: 'sequence' (guards each released before the next co_await,
# the shape of test_flow.c's test_linear) must grow at most
# STRESS_LINEAR_BOUND (default 3.0) per doubling; exit 1 otherwise.
#
# Environment (defaults in brackets):
#   STRESS_SHAPES   subset of the shapes below [all]
#   STRESS_SCALE    multiply every size by this (e.g. 0.25 for a quick run) [1]
#   STRESS_TIMEOUT  seconds per process [300]
#   STRESS_KEEP     1 = keep the generated files [0]
#   CLANGXX         the compiler for the baseline [clang++-22]
#
# Shapes (small size; the large one is twice it):
#   sequence        3,000 guards, each unlocked before its co_await
#   nested-lambdas  lambdas nested 800 deep, a guard and a co_await inside
#   deep-nesting    blocks nested 4,000 deep, a guard outside, a co_await inside
#   awaits-held     5,000 co_awaits with 500 guards held across them
#   big-config      a configuration of 50,000 entries (checking a tiny file)
#   config-line     a configuration with an error on a 512 KiB line
#   many-files      a compile database of 1,000 small files (-p)
#   big-source      a 25 MB source file of small functions holding guards
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
ah=${1:-$root/build/await-holding}
[[ $ah == /* ]] || ah=$PWD/$ah
[[ -x $ah ]] || { echo "stress.sh: not executable: $ah" >&2; exit 2; }
: "${STRESS_SHAPES:=sequence nested-lambdas deep-nesting awaits-held big-config config-line many-files big-source}"
: "${STRESS_SCALE:=1}"
: "${STRESS_TIMEOUT:=300}"
: "${STRESS_KEEP:=0}"
: "${STRESS_LINEAR_BOUND:=3.0}"
: "${CLANGXX:=clang++-22}"
command -v "$CLANGXX" >/dev/null || { echo "stress.sh: missing $CLANGXX" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "stress.sh: needs /usr/bin/time (GNU time) for peak memory" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ah-stress.XXXXXX")
cleanup() { if [[ $STRESS_KEEP == 1 ]]; then echo "kept: $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
cp "$ah" "$tmp/await-holding"
ah=$tmp/await-holding
inc=$root/testdata/include
std=(-std=c++20 -I "$inc")

size() { awk -v n="$1" -v s="$STRESS_SCALE" 'BEGIN { v = int(n * s); print (v < 1 ? 1 : v) }'; }

# ---- generators: gen_SHAPE DIR N writes DIR/... and sets the commands ----

prelude='#include "coro_stub.h"
#include "mutex_stub.h"
std::mutex m;
coro::task<> f();'

gen_sequence() {
	{
		echo "$prelude"
		echo "coro::task<> g() {"
		awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++)
			printf "  std::unique_lock<std::mutex> l%d(m); l%d.unlock(); co_await f();\n", i, i }'
		echo "}"
	} >"$1/a.cpp"
	AH_CMD=("$ah" "$1/a.cpp" -- "${std[@]}")
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" "$1/a.cpp")
}

gen_nested_lambdas() {
	{
		echo "$prelude"
		echo "void g() {"
		awk -v n="$2" 'BEGIN {
			for (i = 0; i < n; i++) printf "[&] {\n"
			printf "[]() -> coro::task<> { std::lock_guard<std::mutex> lk(m); co_await f(); }();\n"
			for (i = 0; i < n; i++) printf "}();\n" }'
		echo "}"
	} >"$1/a.cpp"
	AH_CMD=("$ah" "$1/a.cpp" -- "${std[@]}" -fbracket-depth=100000)
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" -fbracket-depth=100000 "$1/a.cpp")
}

gen_deep_nesting() {
	{
		echo "$prelude"
		echo "coro::task<> g() {"
		echo "  std::lock_guard<std::mutex> lk(m);"
		awk -v n="$2" 'BEGIN {
			for (i = 0; i < n; i++) printf "{\n"
			printf "co_await f();\n"
			for (i = 0; i < n; i++) printf "}\n" }'
		echo "}"
	} >"$1/a.cpp"
	AH_CMD=("$ah" "$1/a.cpp" -- "${std[@]}" -fbracket-depth=100000)
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" -fbracket-depth=100000 "$1/a.cpp")
}

gen_awaits_held() {
	local guards=$(( $2 / 10 ))
	{
		echo "$prelude"
		echo "coro::task<> g() {"
		awk -v n="$2" -v k="$guards" 'BEGIN {
			for (i = 0; i < n; i++) {
				if (i < k) printf "  std::unique_lock<std::mutex> l%d(m);\n", i
				printf "  co_await f();\n"
			} }'
		echo "}"
	} >"$1/a.cpp"
	AH_CMD=("$ah" "$1/a.cpp" -- "${std[@]}")
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" "$1/a.cpp")
}

gen_big_config() {
	{
		echo 'extends = ["std"]'
		echo 'suspend-functions = ['
		awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "  \"ns%d::yield_%d\",\n", i % 97, i }'
		echo ']'
	} >"$1/c.toml"
	printf '%s\ncoro::task<> g() { std::lock_guard<std::mutex> lk(m); co_await f(); }\n' "$prelude" >"$1/a.cpp"
	AH_CMD=("$ah" --config "$1/c.toml" "$1/a.cpp" -- "${std[@]}")
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" "$1/a.cpp")
}

gen_config_line() {
	# one line of N bytes whose last entry is not a string: an error at its end
	awk -v n="$2" 'BEGIN {
		printf "suspend-functions = ["
		for (len = 0; len < n; len += 12) printf "\"a::b_%05d\",", len % 100000
		printf "1]\n" }' >"$1/c.toml"
	printf '%s\ncoro::task<> g() { co_await f(); }\n' "$prelude" >"$1/a.cpp"
	AH_CMD=("$ah" --config "$1/c.toml" "$1/a.cpp" -- "${std[@]}")
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" "$1/a.cpp")
}

gen_many_files() {
	mkdir -p "$1/src"
	awk -v n="$2" -v d="$1" 'BEGIN {
		printf "[\n" > (d "/compile_commands.json")
		for (i = 0; i < n; i++) {
			f = sprintf("%s/src/f%05d.c", d, i)
			printf "typedef struct { int x; } pthread_mutex_t;\nint pthread_mutex_lock(pthread_mutex_t *);\nint pthread_mutex_unlock(pthread_mutex_t *);\nstatic pthread_mutex_t mu%d;\nint f%d(int x) { pthread_mutex_lock(&mu%d); x += %d; pthread_mutex_unlock(&mu%d); return x; }\n", i, i, i, i, i > f
			close(f)
			printf "%s{\"directory\": \"%s\", \"file\": \"%s\", \"arguments\": [\"cc\", \"-c\", \"%s\"]}\n", (i ? "," : ""), d, f, f >> (d "/compile_commands.json")
		}
		printf "]\n" >> (d "/compile_commands.json") }'
	AH_CMD=("$ah" -p "$1")
	# the baseline: one clang process over every file
	CC_CMD=(clang-22 -fsyntax-only "$1"/src/*.c)
}

gen_big_source() {
	# small functions, each with a guard and no suspension: no findings
	local n=$(( $2 * 1000000 / 68 ))
	{
		echo "$prelude"
		awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++)
			printf "void g%07d(int x) { std::lock_guard<std::mutex> lk(m); x += 1; }\n", i }'
	} >"$1/a.cpp"
	AH_CMD=("$ah" "$1/a.cpp" -- "${std[@]}")
	CC_CMD=("$CLANGXX" -fsyntax-only "${std[@]}" "$1/a.cpp")
}

# ---- measuring ----------------------------------------------------------

# measure OUT cmd...: prints "cpu_seconds maxrss_mb status" of one run
# (user + system time: on a shared machine it moves less than wall time).
measure() {
	local out=$1 rc=0 user sys kb secs
	shift
	/usr/bin/time -f '%U %S %M' -o "$out.time" timeout "$STRESS_TIMEOUT" "$@" >"$out" 2>&1 || rc=$?
	read -r user sys kb < <(tail -n 1 "$out.time")
	secs=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	if ((rc == 124)); then secs=">$STRESS_TIMEOUT"; fi
	echo "$secs $((kb / 1024)) $rc"
}

div() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^>/ || b ~ /^>/ || b <= 0) print "-"; else printf "%.2f", a / b }'; }

declare -A base=(
	[sequence]=3000 [nested-lambdas]=800 [deep-nesting]=4000
	[awaits-held]=5000 [big-config]=50000 [config-line]=524288
	[many-files]=1000 [big-source]=25
)
unit() { case $1 in config-line) echo B;; big-source) echo MB;; *) echo "";; esac; }

status=0
printf '%-15s %9s | %8s %7s | %8s %7s %4s | %6s %6s | %s\n' \
	shape size "clang s" "MB" "ah s" "MB" exit "ah/cc" "mem" "growth/doubling (ah, clang)"
printf '%s\n' "$(printf '%.0s-' {1..110})"
for shape in $STRESS_SHAPES; do
	[[ -n ${base[$shape]:-} ]] || { echo "stress.sh: unknown shape '$shape'" >&2; exit 2; }
	small=$(size "${base[$shape]}")
	declare -a ahs=() ccs=()
	for n in "$small" $((small * 2)); do
		dir=$tmp/$shape-$n
		mkdir -p "$dir"
		echo "  generating $shape $n ..." >&2
		"gen_${shape//-/_}" "$dir" "$n"
		read -r cs cm crc < <(measure "$dir/clang.out" "${CC_CMD[@]}")
		read -r as am arc < <(measure "$dir/ah.out" "${AH_CMD[@]}")
		ahs+=("$as")
		ccs+=("$cs")
		printf '%-15s %9s | %8s %7s | %8s %7s %4s | %6s %6s |\n' \
			"$shape" "$n$(unit "$shape")" "$cs" "$cm" "$as" "$am" "$arc" \
			"$(div "$as" "$cs")" "$(div "$am" "$cm")"
	done
	g=$(div "${ahs[1]}" "${ahs[0]}")
	printf '%-15s %9s   %s\n' "" "" "growth: await-holding $g, clang $(div "${ccs[1]}" "${ccs[0]}")"
	if [[ $shape == sequence ]] && ! awk -v g="$g" -v b="$STRESS_LINEAR_BOUND" 'BEGIN { exit !(g != "-" && g <= b) }'; then
		# tiny times are noise: only a slow large run counts
		if awk -v t="${ahs[1]}" 'BEGIN { exit !(t ~ /^>/ || t > 0.5) }'; then # (CPU seconds)
			echo "stress.sh: 'sequence' grew $g per doubling (bound $STRESS_LINEAR_BOUND): not linear" >&2
			status=1
		fi
	fi
done
echo
echo "seconds are CPU time (user + system) of one run; MB is peak resident memory; exit is await-holding's status"
echo "(1 = findings, 2 = a configuration error, as config-line expects; 124 = timeout)."
echo "many-files: the clang column is one clang-22 process over all the files."
exit $status
