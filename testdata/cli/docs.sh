#!/usr/bin/env bash
# The commands of docs/ci.md, run: the `sh` blocks, the `run:` steps of
# the GitHub workflow (except those marked "docs-test: skip") and the
# GitLab script, on a sample CMake project in a git repository, with the
# installed await-holding first on PATH.  Checks what the document
# promises: the baseline keeps known findings quiet, a new finding fails
# the annotation step with a ::warning, the SARIF is valid, GitLab's code
# quality report lists the findings.
#
#   bash testdata/cli/docs.sh path/to/build/await-holding
#
# (The build directory is the binary's: it is installed from there.)
set -u
bin=$(realpath "${1:?usage: docs.sh path/to/build/await-holding}")
build=$(dirname "$bin")
[ -f "$build/cmake_install.cmake" ] || { echo "$build is not a build directory"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
doc=$repo/docs/ci.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null 2>&1 || { echo "FAIL: install"; exit 1; }
export PATH="$tmp/prefix/bin:$PATH"

# the document's commands, one file each: sh-N.sh, gh-N.sh (GitHub steps), gitlab.sh
mkdir -p "$tmp/cmds"
$PY - "$doc" "$tmp/cmds" <<'PY' || { echo "FAIL: cannot read docs/ci.md"; exit 1; }
import re, sys, yaml
text = open(sys.argv[1]).read(); out = sys.argv[2]
blocks = re.findall(r"```(\w+)\n(.*?)```", text, re.S)
n_sh = n_gh = 0
for lang, body in blocks:
    if lang == "sh":
        n_sh += 1
        open(f"{out}/sh-{n_sh}.sh", "w").write(body)
    elif lang == "yaml":
        doc = yaml.safe_load(body)
        if "jobs" in doc:
            for job in doc["jobs"].values():
                for step in job["steps"]:
                    if "run" in step and "docs-test: skip" not in step["run"]:
                        n_gh += 1
                        open(f"{out}/gh-{n_gh}.sh", "w").write(step["run"])
        else:
            for job in doc.values():
                open(f"{out}/gitlab.sh", "w").write("\n".join(job["script"]) + "\n")
assert n_sh >= 2 and n_gh >= 3, (n_sh, n_gh)
PY

# the sample project
p=$tmp/proj
mkdir -p "$p/src"
cat >"$p/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.16)
project(sample CXX)
add_library(sample STATIC src/a.cpp)
target_compile_features(sample PRIVATE cxx_std_20)
target_include_directories(sample PRIVATE "$repo/testdata/include")
CM
cat >"$p/src/a.cpp" <<'CPP'
#include "coro_stub.h"
#include "mutex_stub.h"
std::mutex m;
coro::task<> known() {
  std::lock_guard<std::mutex> g(m);
  co_await coro::yield_now();
}
CPP
(cd "$p" && git init -q . && git add -A >/dev/null)

# GitHub runs each step with "bash -e"; GitLab runs the script in one shell
step() { (cd "$p" && bash --noprofile --norc -eo pipefail "$1") >"$tmp/out" 2>"$tmp/err"; status=$?; out=$(cat "$tmp/out"); err=$(cat "$tmp/err"); }

step "$tmp/cmds/sh-1.sh"
[ $status -eq 0 ] || fail "creating the baseline: $err"
[ -f "$p/.await-holding-baseline.json" ] || fail "no baseline written"
step "$tmp/cmds/sh-2.sh"
m=${out#::add-matcher::}
[[ $out == ::add-matcher::* ]] && [ -f "$m" ] || fail "the matcher command names no file: $out"

# each run starts from a fresh checkout: no build directory
run_github() {
  rm -rf "$p/build"
  gh_status=0
  for s in "$tmp"/cmds/gh-*.sh; do
    step "$s"
    echo "--- $(basename "$s"): $status" >>"$tmp/gh.log"; cat "$tmp/out" "$tmp/err" >>"$tmp/gh.log"
    if [ $status -ne 0 ] && [ $gh_status -eq 0 ]; then gh_status=$status; gh_failed=$s; gh_out=$out; fi
  done
}
run_github
[ $gh_status -eq 0 ] || { cat "$tmp/gh.log"; fail "the workflow fails with baselined findings only"; }
[ -f "$p/await-holding.sarif" ] || fail "no SARIF for upload"
$PY "$here/sarif_check.py" "${AH_SARIF_SCHEMA:--}" "$p/await-holding.sarif" || fail "the uploaded SARIF is not valid"
grep -q '"uri":.*"src/a.cpp"' "$p/await-holding.sarif" || fail "SARIF uri not relative to the repository"

# a new finding fails the annotation step, with an annotation for it only
cat >>"$p/src/a.cpp" <<'CPP'
coro::task<> fresh() {
  std::lock_guard<std::mutex> g2(m);
  co_await coro::yield_now();
}
CPP
run_github
[ $gh_status -eq 1 ] || { cat "$tmp/gh.log"; fail "a new finding does not fail the workflow (status $gh_status)"; }
grep -q "^::warning file=src/a.cpp,line=9," <<<"$gh_out" || fail "no annotation for the new finding: $gh_out"
! grep -q "line=5," <<<"$gh_out" || fail "the baselined finding is annotated"

# GitLab
rm -rf "$p/build"
(cd "$p" && bash -e "$tmp/cmds/gitlab.sh") >"$tmp/out" 2>&1; status=$?
[ $status -eq 1 ] || { cat "$tmp/out"; fail "the GitLab job does not fail on the new finding (status $status)"; }
$PY -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if len(r)==1 and r[0]["location"]["path"]=="src/a.cpp" and r[0]["location"]["lines"]["begin"]==9 else 1)' "$p/gl-code-quality.json" \
  || fail "gl-code-quality.json is not as documented"

[ "$fails" -eq 0 ] && echo "docs/ci.md: ok"
[ "$fails" -eq 0 ]
