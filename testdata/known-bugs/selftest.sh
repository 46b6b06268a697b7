#!/usr/bin/env bash
# Checks testdata/known-bugs/run.sh itself with stand-in checkers: only
# --verify's exit 1 with nothing but mismatch lines may count as the
# expected failure (run.sh exits 1); a pass, a crash, a usage error or a
# tool error must not (run.sh exits 0, which WILL_FAIL reports).
#
#   bash testdata/known-bugs/selftest.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '// expect-no-diagnostics\n' >"$tmp/case.cpp"
fails=0

# stand NAME SCRIPT: a stand-in checker whose body is SCRIPT
stand() { printf '#!/bin/sh\n%s\n' "$2" >"$tmp/$1"; chmod +x "$tmp/$1"; }
# expect RC NAME: run.sh with stand-in NAME must exit RC
expect() {
  bash "$here/run.sh" "$tmp/$2" "$tmp/case.cpp" >"$tmp/out" 2>&1
  local rc=$?
  if [ "$rc" -ne "$1" ]; then
    echo "FAIL: with '$2' run.sh exited $rc, expected $1:"
    sed 's/^/  /' "$tmp/out"
    fails=$((fails + 1))
  fi
}

stand mismatch 'echo "case.cpp:3:5: error: unexpected warning seen: x"
echo "case.cpp:7: error: expected note not seen: {{y}}"
echo "await-holding: 2 mismatches"; exit 1'
expect 1 mismatch
stand passes 'exit 0'
expect 0 passes
stand crash 'kill -SEGV $$'
expect 0 crash
stand usage 'echo "await-holding: error: unknown option" >&2; exit 2'
expect 0 usage
stand unreadable 'echo "await-holding: error: cannot read case.cpp" >&2
echo "await-holding: 1 mismatch"; exit 1'
expect 0 unreadable
stand malformed 'echo "case.cpp:1:4: error: unknown marker expect-warnign"
echo "await-holding: 1 mismatch"; exit 1'
expect 0 malformed
stand nothing 'exit 1'
expect 0 nothing
# mismatches first, then a crash or a parse error: still not the bug
stand late-crash 'echo "case.cpp:3:5: error: unexpected warning seen: x"; kill -SEGV $$'
expect 0 late-crash
stand parse-error 'echo "case.cpp:3:5: error: unexpected warning seen: x"; exit 3'
expect 0 parse-error

echo "known-bugs/run.sh: 9 cases, $fails failures"
[ "$fails" -eq 0 ]
