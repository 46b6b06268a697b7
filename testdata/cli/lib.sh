# lib.sh - the harness the command-line test scripts share.  Source it
# right after 'set -u' with the script's arguments:
#
#   . "$(dirname "$0")/lib.sh" "$@"
#
# It sets AH (the checker), here (testdata/cli), inc (testdata/include),
# root (a scratch directory removed at exit), fails and n, and defines:
#   begin NAME          start case NAME (its directory is $root/NAME)
#   run NAME [args...]  run the checker in $root/NAME: $status $out $err
#   fail MESSAGE        count a failure of the current case, with its output
#   expect_status N, expect_out TEXT, expect_err TEXT, expect_no_out TEXT,
#   expect_no_err TEXT  the checks (TEXT is fixed, not a pattern)
#   bad_cpp FILE        a coroutine holding a lock_guard across co_await
#                       (lines 5 and 6)
# A script may redefine any of them after sourcing (ci.sh compares JSON
# with its tabs as spaces).  It ends with: echo "$n cases, $fails
# failures"; [ "$fails" -eq 0 ].
AH=$(realpath "${1:?usage: $(basename "$0") path/to/await-holding}")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
inc="$(cd "$here/../include" && pwd)"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fails=0
n=0
case=""
status=0
out=""
err=""

begin() { case=$1; n=$((n + 1)); mkdir -p "$root/$1"; }

run() {
  local dir=$root/$1
  shift
  mkdir -p "$dir"
  (cd "$dir" && "$AH" "$@" >"$root/out" 2>"$root/err")
  status=$?
  out=$(cat "$root/out")
  err=$(cat "$root/err")
}

fail() {
  echo "FAIL [$case]: $*"
  echo "  status: $status"
  echo "  stdout: ${out:0:3000}"
  echo "  stderr: ${err:0:3000}"
  fails=$((fails + 1))
}

expect_status() { [ "$status" -eq "$1" ] || fail "expected exit status $1"; }
expect_out() { grep -qF -- "$1" <<<"$out" || fail "stdout lacks: $1"; }
expect_err() { grep -qF -- "$1" <<<"$err" || fail "stderr lacks: $1"; }
expect_no_out() { ! grep -qF -- "$1" <<<"$out" || fail "stdout has: $1"; }
expect_no_err() { ! grep -qF -- "$1" <<<"$err" || fail "stderr has: $1"; }

bad_cpp() {
  cat >"$1" <<'CPP'
#include "coro_stub.h"
#include "mutex_stub.h"
std::mutex m;
coro::task<> bad() {
  std::lock_guard<std::mutex> g(m);
  co_await coro::yield_now();
}
CPP
}
