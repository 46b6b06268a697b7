#!/usr/bin/env bash
# Run one known-bug case: testdata/known-bugs/run.sh BIN CASE
#
# A known bug is a case whose expectations the checker does not meet yet.
# It is registered WILL_FAIL, so this script must exit nonzero exactly
# when the checker fails in the expected way: --verify exits 1 and reports
# only mismatches ("expected ... not seen", "unexpected ... seen").  Any
# other outcome exits 0, which WILL_FAIL turns into a failed test:
#  - --verify passes: the bug is fixed; move the case out of known-bugs/;
#  - a crash, a timeout, a usage or parse error, a tool error on stderr, a
#    malformed marker: the case no longer shows the bug it is about.
set -u
bin=$1 case=$2
cd "$(dirname "$case")" || exit 0
out=$(timeout 60 "$bin" --verify "$(basename "$case")" 2>&1)
rc=$?
if [ $rc -eq 0 ]; then
	echo "known-bugs: $case passes --verify now: the bug is fixed, move the case out of known-bugs/"
	exit 0
fi
if [ $rc -ne 1 ]; then
	printf '%s\n' "$out"
	echo "known-bugs: $case: --verify exited $rc (a crash, timeout, usage or parse error), not 1 with mismatches"
	exit 0
fi
mismatch='^[^ ]+:[0-9]+(:[0-9]+)?: error: (expected (warning|note|error) not seen|unexpected (warning|note|error) seen): '
other=$(printf '%s\n' "$out" | grep -Ev "$mismatch" | grep -Ev '^await-holding: [0-9]+ mismatch(es)?$')
if [ -n "$other" ] || ! printf '%s\n' "$out" | grep -Eq "$mismatch"; then
	printf '%s\n' "$out"
	echo "known-bugs: $case: --verify failed, but not only with mismatches (see the lines above)"
	exit 0
fi
printf '%s\n' "$out"
echo "known-bugs: $case fails as expected"
exit 1
