#!/usr/bin/env bash
# Command-line tests of the shapes of issue 11 that stress the analysis
# rather than the driver: deep nesting, nested lambdas, many suspension
# points with many guards held, big configurations, and bytes that are not
# UTF-8 in a configuration.  Generated inputs, kept small enough to run in
# a few seconds; each answer is checked, not the time it takes (the times
# are bench/stress.sh's business).  A case that hangs is cut by 'timeout'
# and fails.
#
#   bash testdata/cli/shapes.sh path/to/await-holding
set -u
. "$(dirname "$0")/lib.sh" "$@"

# run NAME [args...]: runs the checker in $root/NAME, sets $status $out $err
run() {
  local dir=$root/$1
  shift
  (cd "$dir" && timeout 120 "$AH" "$@" >"$root/out" 2>"$root/err")
  status=$?
  out=$(cat "$root/out")
  err=$(cat "$root/err")
}

expect_count() { # expect_count N PATTERN: lines of stdout matching PATTERN
  local got
  got=$(grep -cE -- "$2" <<<"$out")
  [ "$got" -eq "$1" ] || fail "expected $1 lines matching '$2' on stdout, got $got"
}
args=(-- -std=c++20 -I "$inc" -fbracket-depth=100000)
prelude='#include "coro_stub.h"
#include "mutex_stub.h"
std::mutex m;
coro::task<> f();'

# ---- deep nesting: the guard outside 2,000 blocks is held at the co_await inside ----
begin deep-blocks
{
  echo "$prelude"
  echo "coro::task<> bad() {"
  echo "  std::lock_guard<std::mutex> lk(m);"
  awk 'BEGIN { for (i = 0; i < 2000; i++) printf "{\n"; printf "co_await f();\n"
               for (i = 0; i < 2000; i++) printf "}\n" }'
  echo "}"
} >"$root/deep-blocks/a.cpp"
run deep-blocks a.cpp "${args[@]}"
expect_status 1
expect_out "a.cpp:6:31: warning: 'lk' of type 'std::lock_guard<std::mutex>' is held across a suspension point"
expect_out "a.cpp:2007:1: note: suspended here by co_await"

# ... and a guard released before it is not
begin deep-blocks-released
{
  echo "$prelude"
  echo "coro::task<> good() {"
  echo "  std::unique_lock<std::mutex> lk(m);"
  awk 'BEGIN { for (i = 0; i < 2000; i++) printf "if (true) {\n"; printf "lk.unlock(); co_await f();\n"
               for (i = 0; i < 2000; i++) printf "}\n" }'
  echo "}"
} >"$root/deep-blocks-released/a.cpp"
run deep-blocks-released a.cpp "${args[@]}"
expect_status 0
[ -z "$out" ] || fail "expected no findings"

# ---- past the walker's nesting limit: said, exit 3, the rest still checked ----
begin too-deep
{
  echo "$prelude"
  echo "coro::task<> bad() {"
  echo "  std::lock_guard<std::mutex> lk(m);"
  awk 'BEGIN { for (i = 0; i < 10500; i++) printf "{\n"; printf "co_await f();\n"
               for (i = 0; i < 10500; i++) printf "}\n" }'
  echo "}"
  echo "coro::task<> bad2() { std::lock_guard<std::mutex> lk(m); co_await f(); }"
} >"$root/too-deep/a.cpp"
run too-deep a.cpp "${args[@]}" -fbracket-depth=30000
expect_status 3
expect_err "a.cpp:5:14: error: 'bad' nests statements or expressions more than 10000 levels deep; the code past that depth was not checked"
expect_out "a.cpp:21009:51: warning: 'lk' of type 'std::lock_guard<std::mutex>' is held"

# ---- nested lambdas: the innermost coroutine lambda still has its finding ----
begin nested-lambdas
{
  echo "$prelude"
  echo "void outer() {"
  awk 'BEGIN { for (i = 0; i < 150; i++) printf "[&] {\n"
               printf "[]() -> coro::task<> { std::lock_guard<std::mutex> lk(m); co_await f(); }();\n"
               for (i = 0; i < 150; i++) printf "}();\n" }'
  echo "}"
} >"$root/nested-lambdas/a.cpp"
run nested-lambdas a.cpp "${args[@]}"
expect_status 1
expect_count 1 "warning: 'lk' of type 'std::lock_guard<std::mutex>' is held"
expect_out "a.cpp:156:52: warning: 'lk'"

# ---- many suspension points, many guards held: one finding per guard, every point ----
begin awaits-held
{
  echo "$prelude"
  echo "coro::task<> bad() {"
  awk 'BEGIN { for (i = 0; i < 400; i++) { if (i < 40) printf "  std::unique_lock<std::mutex> l%d(m);\n", i
                                           printf "  co_await f();\n" } }'
  echo "}"
} >"$root/awaits-held/a.cpp"
run awaits-held --format=json a.cpp "${args[@]}"
expect_status 1
# guard i (0-based) is held across the points from its own onwards: 400 - i
python3 - "$root/out" <<'PY' || fail "JSON: one finding per guard with every later suspension point"
import json, sys
d = json.load(open(sys.argv[1]))
f = d["diagnostics"]
assert len(f) == 40, len(f)
for g in f:
    i = int(g["guard"]["name"][1:])
    assert len(g["suspensions"]) == 400 - i, (i, len(g["suspensions"]))
PY

# ---- a configuration of 20,000 entries loads, and its entries match ----
begin big-config
{
  echo 'await-holding-invalid-types = ['
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "  \"ns%d::Guard%d\",\n", i % 97, i }'
  echo '  "big::Last",'
  echo ']'
  echo 'extends = []'
} >"$root/big-config/c.toml"
cat >"$root/big-config/a.cpp" <<'CPP'
#include "coro_stub.h"
namespace big { struct Last { Last(); ~Last(); }; }
coro::task<> f();
coro::task<> bad() { big::Last g; co_await f(); }
CPP
run big-config --config c.toml a.cpp "${args[@]}"
expect_status 1
expect_out "a.cpp:4:32: warning: 'g' of type 'big::Last' is held across a suspension point"
# the same entry twice is one entry, not an error
printf 'await-holding-invalid-types = ["big::Last", "big::Last"]\nextends = []\n' >"$root/big-config/d.toml"
run big-config --config d.toml a.cpp "${args[@]}"
expect_status 1
expect_count 1 "warning: 'g'"

# ---- bytes that are not UTF-8 in a TOML configuration: an error at the byte ----
begin toml-bad-utf8
printf 'await-holding-invalid-types = [{ path = "std::lock_guard", reason = "r\xff" }]\n' >"$root/toml-bad-utf8/c.toml"
printf '%s\n' "$prelude" >"$root/toml-bad-utf8/a.cpp"
run toml-bad-utf8 --config c.toml a.cpp "${args[@]}"
expect_status 2
expect_err "c.toml:1:71: error: invalid UTF-8 byte 0xFF"

# ---- a long configuration line with an error: reported at its column ----
begin long-line
awk 'BEGIN { printf "suspend-functions = ["; for (i = 0; i < 20000; i++) printf "\"a::b%05d\",", i; printf "1]\n" }' \
  >"$root/long-line/c.toml"
printf '%s\n' "$prelude" >"$root/long-line/a.cpp"
run long-line --config c.toml a.cpp "${args[@]}"
expect_status 2
expect_err "c.toml:1:240022: error:"

echo "$n cases, $fails failures"
[ "$fails" -eq 0 ]
