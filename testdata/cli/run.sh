#!/usr/bin/env bash
# Command-line tests of await-holding: exit statuses, compile databases,
# "--", configuration files and their errors, output formats.  Each case
# builds its inputs in a fresh directory outside the repository (so the
# repository's own await-holding.toml is not discovered) and checks the
# status, stdout and stderr.
#
#   bash testdata/cli/run.sh path/to/await-holding
set -u
# The JSON and SARIF checks read the documents with python3 (installed by
# .ci/setup): without it they would not run, so that is a failure.
command -v python3 >/dev/null || {
  echo "FAIL: python3 not found: the JSON and SARIF checks need it (bash .ci/setup installs it)"
  exit 1
}
. "$(dirname "$0")/lib.sh" "$@"



good_cpp() {
  cat >"$1" <<'CPP'
#include "coro_stub.h"
#include "mutex_stub.h"
std::mutex m;
coro::task<> good() {
  { std::lock_guard<std::mutex> g(m); }
  co_await coro::yield_now();
}
CPP
}
args=(-- -std=c++20 -I "$inc")

# ---- basic options -----------------------------------------------------------
begin version
run version --version
expect_status 0; expect_out "await-holding "; expect_out "libclang"

begin help
run help --help
expect_status 0; expect_out "usage: await-holding"; expect_out "Exit status"

begin no-args
run no-args
expect_status 2; expect_err "no input files"

begin unknown-option
run unknown-option --frobnicate x.cpp
expect_status 2; expect_err "unknown option '--frobnicate'"

begin bad-format
run bad-format --format=xml x.cpp
expect_status 2; expect_err "unknown format 'xml'"

begin list-packs
run list-packs --list-packs
expect_status 0; expect_out "std            the C++ standard library's blocking lock guards."
for p in boost absl folly qt opentelemetry glib linux-kernel c-coroutines; do expect_out "$p "; done

# ---- exit statuses and output --------------------------------------------------
begin clean
good_cpp "$root/clean/good.cpp"
run clean good.cpp "${args[@]}"
expect_status 0; [ -z "$out" ] || fail "expected no output"

begin findings
bad_cpp "$root/findings/bad.cpp"
run findings bad.cpp "${args[@]}"
expect_status 1
expect_out "bad.cpp:5:31: warning: 'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point [await-holding]"
expect_out "bad.cpp:6:3: note: suspended here by co_await"
expect_out "bad.cpp:5:31: note: reason: "

begin missing-file
bad_cpp "$root/missing-file/bad.cpp"
run missing-file nope.cpp bad.cpp "${args[@]}"
expect_status 3; expect_err "cannot open 'nope.cpp'"
expect_out "bad.cpp:5:31: warning:"   # the other file is still checked

begin parse-error
bad_cpp "$root/parse-error/bad.cpp"
printf 'int f( {\n' >"$root/parse-error/broken.cpp"
run parse-error broken.cpp bad.cpp "${args[@]}"
expect_status 3
expect_err "broken.cpp:1:"; expect_err "error:"
expect_out "bad.cpp:5:31: warning:"

begin missing-include
printf '#include "does_not_exist.h"\nint x;\n' >"$root/missing-include/inc.cpp"
run missing-include inc.cpp "${args[@]}"
expect_status 3; expect_err "'does_not_exist.h' file not found"

begin order
bad_cpp "$root/order/b.cpp"; bad_cpp "$root/order/a.cpp"
run order b.cpp a.cpp "${args[@]}"
first=$(head -1 <<<"$out")
[[ "$first" == a.cpp:* ]] || fail "output not sorted by file"
run order b.cpp a.cpp "${args[@]}"
again=$out
run order a.cpp b.cpp "${args[@]}"
[ "$again" == "$out" ] || fail "output depends on argument order"
run order -j1 a.cpp b.cpp "${args[@]}"
[ "$again" == "$out" ] || fail "output depends on the number of jobs"
run order -j 0 a.cpp
expect_status 2; expect_err "needs a number of jobs"

# ---- "--" arguments -------------------------------------------------------------
begin fixed-args
cat >"$root/fixed-args/d.cpp" <<'CPP'
#include "coro_stub.h"
#include "mutex_stub.h"
std::mutex m;
coro::task<> f() {
#ifdef HOLD
  std::lock_guard<std::mutex> g(m);
#endif
  co_await coro::yield_now();
}
CPP
run fixed-args d.cpp -- -std=c++20 -I "$inc"
expect_status 0
run fixed-args d.cpp -- -std=c++20 -I "$inc" -DHOLD
expect_status 1; expect_out "d.cpp:6:31: warning:"
run fixed-args --
expect_status 2; expect_err "'--' needs files"

# ---- compile databases -----------------------------------------------------------
begin compdb
d=$root/compdb
mkdir -p "$d/src" "$d/build"
bad_cpp "$d/src/bad.cpp"; good_cpp "$d/src/good.cpp"
cat >"$d/build/compile_commands.json" <<JSON
[
  {"directory": "$d/build", "file": "../src/bad.cpp", "command": "clang++ -std=c++20 -I$inc -c ../src/bad.cpp -o bad.o"},
  {"directory": "$d/build", "file": "$d/src/good.cpp", "arguments": ["g++", "-std=c++20", "-I", "$inc", "-c", "$d/src/good.cpp"]}
]
JSON
run compdb -p build
expect_status 1; expect_out "src/bad.cpp:5:31: warning:"
run compdb -p build src/good.cpp
expect_status 0
run compdb -pbuild src/bad.cpp
expect_status 1
# without -p: found in a parent directory of the file? no: in build/, not above src/
cp "$d/build/compile_commands.json" "$d/compile_commands.json"
run compdb src/bad.cpp
expect_status 1; expect_out "src/bad.cpp:5:31: warning:"
# a file not in the database: checked with default arguments, and said so
good_cpp "$d/src/other.cpp"
run compdb -p build src/other.cpp
expect_err "no compile command for 'src/other.cpp'"

# from the root directory too (libclang's resource directory once
# depended on the current directory when -working-directory was given)
(cd / && "$AH" -p "$d/build" >"$root/out" 2>"$root/err"); status=$?
out=$(cat "$root/out"); err=$(cat "$root/err")
expect_status 1; expect_out "src/bad.cpp:5:31: warning:"; expect_no_err "file not found"

# a header is in no database: it borrows the nearest entry's command (here
# its -I, without which coro_stub.h is not found) and is parsed as C++
cat >"$d/src/pool.h" <<'H'
#include "coro_stub.h"
#include "mutex_stub.h"
inline std::mutex pool_mu;
inline coro::task<> refill() {
  std::lock_guard<std::mutex> g(pool_mu);
  co_await coro::yield_now();
}
H
run compdb src/pool.h
expect_status 1; expect_out "src/pool.h:5:31: warning:"; expect_no_err "no compile command"

begin header-alone
cp "$d/src/pool.h" "$root/header-alone/pool.h"
cp "$inc"/*.h "$root/header-alone/"
run header-alone pool.h
expect_status 1; expect_out "pool.h:5:31: warning:"

begin compdb-missing
run compdb-missing -p nowhere
expect_status 2; expect_err "nowhere/compile_commands.json"

begin compdb-malformed
mkdir -p "$root/compdb-malformed/b"
printf '[\n  {"directory": "/tmp", "file": 42, "command": "cc x.c"}\n]\n' >"$root/compdb-malformed/b/compile_commands.json"
run compdb-malformed -p b
expect_status 2; expect_err "compile_commands.json:2:"; expect_err "file"
printf '[\n  {"directory": "/tmp",\n' >"$root/compdb-malformed/b/compile_commands.json"
run compdb-malformed -p b
expect_status 2; expect_err "compile_commands.json:3:"

# ---- summaries across the compile database -------------------------------------
begin crosstu
d=$root/crosstu
cat >"$d/fiber.c" <<'C'
void aco_yield(void);
void wait_for_room(void) { aco_yield(); }
void push_slowly(void) { wait_for_room(); }
C
cat >"$d/queue.c" <<'C'
typedef struct { int x; } pthread_mutex_t;
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
void push_slowly(void);
pthread_mutex_t qmu;
void enqueue(void) {
  pthread_mutex_lock(&qmu);
  push_slowly();
  pthread_mutex_unlock(&qmu);
}
C
cat >"$d/await-holding.toml" <<'TOML'
extends = []
suspend-functions = ["aco_yield"]
lock-functions = [{ acquire = "pthread_mutex_lock", release = "pthread_mutex_unlock" }]
TOML
cat >"$d/compile_commands.json" <<JSON
[{"directory": "$d", "file": "queue.c", "arguments": ["cc", "-c", "queue.c"]},
 {"directory": "$d", "file": "fiber.c", "arguments": ["cc", "-c", "fiber.c"]}]
JSON
run crosstu -p .
expect_status 1
expect_out "queue.c:7:3: warning: 'qmu' of type 'pthread_mutex_t' is held across a suspension point"
expect_out "queue.c:8:3: note: suspended here by call that may suspend (push_slowly -> wait_for_room -> aco_yield)"
run crosstu -p . queue.c
expect_status 1   # the index brings in fiber.c: push_slowly suspends
expect_out "queue.c:8:3: note: suspended here by call that may suspend (push_slowly -> wait_for_room -> aco_yield)"
run crosstu -p . --no-index queue.c
expect_status 0   # fiber.c not checked: push_slowly is unknown

# one database, several programs: each has its own 'worker'; a call in a
# file that defines the function calls that definition, not another
# program's (libdill's tests and perf programs)
begin programs
d=$root/programs
cat >"$d/quiet.c" <<'C'
typedef struct { int x; } pthread_mutex_t;
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
pthread_mutex_t m;
int counter;
void worker(void) { counter++; }
void good(void) {
  pthread_mutex_lock(&m);
  worker();
  pthread_mutex_unlock(&m);
}
int main(void) { good(); return 0; }
C
cat >"$d/yields.c" <<'C'
typedef struct { int x; } pthread_mutex_t;
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
void aco_yield(void);
pthread_mutex_t m2;
void worker(void) { aco_yield(); }
void bad(void) {
  pthread_mutex_lock(&m2);
  worker();
  pthread_mutex_unlock(&m2);
}
int main(void) { bad(); return 0; }
C
cat >"$d/elsewhere.c" <<'C'
typedef struct { int x; } pthread_mutex_t;
int pthread_mutex_lock(pthread_mutex_t *);
int pthread_mutex_unlock(pthread_mutex_t *);
void worker(void);
pthread_mutex_t m3;
void unknown(void) {
  pthread_mutex_lock(&m3);
  worker();
  pthread_mutex_unlock(&m3);
}
C
cp "$root/crosstu/await-holding.toml" "$d/"
cat >"$d/compile_commands.json" <<JSON
[{"directory": "$d", "file": "quiet.c", "arguments": ["cc", "-c", "quiet.c"]},
 {"directory": "$d", "file": "yields.c", "arguments": ["cc", "-c", "yields.c"]},
 {"directory": "$d", "file": "elsewhere.c", "arguments": ["cc", "-c", "elsewhere.c"]}]
JSON
run programs -p .
expect_status 1
expect_out "yields.c:8:3: warning: 'm2' of type 'pthread_mutex_t' is held across a suspension point"
expect_out "yields.c:9:3: note: suspended here by call that may suspend (worker -> aco_yield)"
expect_no_out "quiet.c"
expect_no_out "elsewhere.c"   # which worker it links with is not known
run programs -p . quiet.c
expect_status 0

# ---- JSON output ---------------------------------------------------------------------
begin json
bad_cpp "$root/json/bad.cpp"
printf 'int f( {\n' >"$root/json/broken.cpp"
run json --format=json bad.cpp broken.cpp "${args[@]}"
expect_status 3
python3 - "$root/out" <<'PY' || fail "JSON shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert set(d) == {"version", "diagnostics", "errors"}, d.keys()
(f,) = d["diagnostics"]
assert (f["file"], f["line"], f["column"]) == ("bad.cpp", 5, 31), f
assert f["message"].startswith("'g' of type 'std::lock_guard<std::mutex>' is held"), f
g = f["guard"]
assert g["name"] == "g" and g["type"] == "std::lock_guard<std::mutex>", g
assert g["matched"] == "std::lock_guard" and g["reason"], g
assert g["via"] is None, g
(s,) = f["suspensions"]
assert (s["file"], s["line"], s["column"], s["kind"]) == ("bad.cpp", 6, 3, "co_await"), s
assert any(e["file"] == "broken.cpp" and e["severity"] == "error" for e in d["errors"]), d["errors"]
PY

# every distinct first hop of an indirect suspension, the shortest in the note
begin json-first-hops
cat >"$root/json-first-hops/t.c" <<'C'
void lock(int *m);
void unlock(int *m);
void aco_yield(void);
void msleep(int);
static void wait_a_bit(void) { msleep(1); }
static void slow(int n) { if (n) wait_a_bit(); else aco_yield(); }
static void once(void) { aco_yield(); }
void f(int *m) {
  lock(m);
  slow(1);
  once();
  unlock(m);
}
C
printf 'extends = []\nlock-functions = [{ acquire = "lock", release = "unlock" }]\nsuspend-functions = ["aco_yield", "msleep"]\n' >"$root/json-first-hops/c.toml"
run json-first-hops --format=json --config c.toml t.c --
expect_status 1
python3 - "$root/out" <<'PY' || fail "JSON first_hops"
import json, sys
d = json.load(open(sys.argv[1]))
(f,) = d["diagnostics"]
a, b = f["suspensions"]
assert a["detail"] == "slow -> aco_yield", a
assert a["first_hops"] == ["slow -> wait_a_bit -> msleep", "slow -> aco_yield"], a
assert b["detail"] == "once -> aco_yield" and b["first_hops"] is None, b
PY

# the same in text: --explain adds a note per other first hop, after the excerpt
begin explain
cp "$root/json-first-hops/t.c" "$root/json-first-hops/c.toml" "$root/explain/"
run explain --explain --config c.toml t.c --
expect_status 1
# (the lines in this order: grep -F would take each line as a pattern of its own)
in_order="t.c:10:3: note: suspended here by call that may suspend (slow -> aco_yield)
   10 |   slow(1);
      |   ^~~~
t.c:10:3: note: also may suspend through slow -> wait_a_bit -> msleep
t.c:11:3: note: suspended here by call that may suspend (once -> aco_yield)"
[[ "$out" == *"$in_order"* ]] || fail "stdout lacks, in this order: $in_order"
expect_no_out "also may suspend through slow -> aco_yield"
expect_no_out "also may suspend through once"
[ "$(grep -c 'also may suspend' <<<"$out")" = 1 ] || fail "one note per other first hop"
run explain --config c.toml t.c --
expect_status 1; expect_no_out "also may suspend"
run explain --explain --no-caret --config c.toml t.c --
in_order="t.c:10:3: note: suspended here by call that may suspend (slow -> aco_yield)
t.c:10:3: note: also may suspend through slow -> wait_a_bit -> msleep"
[[ "$out" == *"$in_order"* ]] || fail "stdout lacks, in this order: $in_order"

begin sarif
bad_cpp "$root/sarif/bad.cpp"
run sarif --format=sarif bad.cpp "${args[@]}"
expect_status 1
python3 - "$root/out" <<'PY' || fail "SARIF shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "2.1.0"
(run,) = d["runs"]
assert run["tool"]["driver"]["name"] == "await-holding"
(r,) = run["results"]
assert r["ruleId"] == "await-holding" and r["level"] == "warning"
loc = r["locations"][0]["physicalLocation"]
assert loc["artifactLocation"]["uri"] == "bad.cpp" and loc["region"]["startLine"] == 5
(rel,) = r["relatedLocations"]
assert rel["physicalLocation"]["region"]["startLine"] == 6
assert rel["message"]["text"] == "suspended here by co_await"
assert r["properties"]["guardName"] == "g"
PY

begin output-file
bad_cpp "$root/output-file/bad.cpp"
run output-file --format=json -o report.json bad.cpp "${args[@]}"
expect_status 1; [ -z "$out" ] || fail "stdout should be empty"
grep -q '"line":	5' "$root/output-file/report.json" || fail "report.json lacks the finding"
run output-file --output=/nonexistent/dir/r.txt bad.cpp "${args[@]}"
expect_status 2; expect_err "cannot write '/nonexistent/dir/r.txt'"

# ---- configuration files -------------------------------------------------------------
begin config-json
bad_cpp "$root/config-json/bad.cpp"
cat >"$root/config-json/c.json" <<'JSON'
{"await-holding-invalid-types": ["std::lock_guard", {"path": "std::lock_gaurd", "reason": "typo"},
   "tracing::Entered"],
 "extends": []}
JSON
run config-json --config c.json bad.cpp "${args[@]}"
expect_status 1; expect_err "c.json:1:53: warning: 'std::lock_gaurd' in 'await-holding-invalid-types' matched nothing"
expect_no_out "note: reason:"   # std pack not loaded: no reason on std::lock_guard
# a library this file does not use (no namespace tracing): a shared
# configuration's entry, not a mistake
expect_no_err "tracing::Entered"

begin config-toml-syntax
bad_cpp "$root/config-toml-syntax/bad.cpp"
printf 'await-holding-invalid-types = ["a",\n  "b" "c"]\n' >"$root/config-toml-syntax/c.toml"
run config-toml-syntax --config c.toml bad.cpp "${args[@]}"
expect_status 2; expect_err "c.toml:2:7: error:"; expect_err '    ^'
[ -z "$out" ] || fail "nothing should be checked"

begin config-json-syntax
printf '{\n  "suspend-functions": ["a",]\n}\n' >"$root/config-json-syntax/c.json"
run config-json-syntax --config c.json x.cpp
expect_status 2; expect_err "c.json:2:"; expect_err "error:"

begin config-unknown-key
printf 'await-holding-invalid-type = ["a"]\n' >"$root/config-unknown-key/c.toml"
run config-unknown-key --config c.toml x.cpp
expect_status 2
expect_err "c.toml:1:1: error: unknown key 'await-holding-invalid-type'; did you mean 'await-holding-invalid-types'?"

begin config-entry-key
printf 'await-holding-invalid-types = [\n  { path = "a::B", replacement = "c::D" },\n]\n' >"$root/config-entry-key/c.toml"
run config-entry-key --config c.toml x.cpp
expect_status 2; expect_err "c.toml:2:20: error: unknown key 'replacement'"; expect_err "'path', 'reason', 'allow-unused'"

begin config-wrong-type
printf 'suspend-functions = "sched::yield"\n' >"$root/config-wrong-type/c.toml"
run config-wrong-type --config c.toml x.cpp
expect_status 2; expect_err "c.toml:1:21: error: expected an array for 'suspend-functions', found a string"
printf 'suspend-functions = [42]\n' >"$root/config-wrong-type/c.toml"
run config-wrong-type --config c.toml x.cpp
expect_status 2; expect_err "c.toml:1:22: error: expected a path string or a table"
printf 'suspend-functions = [{ reason = "x" }]\n' >"$root/config-wrong-type/c.toml"
run config-wrong-type --config c.toml x.cpp
expect_status 2; expect_err "c.toml:1:22: error: missing 'path'"

begin config-missing
run config-missing --config none.toml x.cpp
expect_status 2; expect_err "cannot read 'none.toml'"

begin config-unused
bad_cpp "$root/config-unused/bad.cpp"
cat >"$root/config-unused/await-holding.toml" <<'TOML'
await-holding-invalid-types = [
  "CustomLockType",
  { path = "shared::Guard", allow-unused = true },
]
TOML
run config-unused bad.cpp "${args[@]}"
expect_status 1
expect_err "await-holding.toml:2:3: warning: 'CustomLockType' in 'await-holding-invalid-types' matched nothing"
expect_no_err "shared::Guard"

begin config-wrong-list
bad_cpp "$root/config-wrong-list/bad.cpp"
cat >"$root/config-wrong-list/await-holding.toml" <<'TOML'
await-holding-invalid-types = ["coro::yield_now"]
suspend-functions = ["std::mutex"]
TOML
run config-wrong-list bad.cpp "${args[@]}"
expect_status 1
expect_err "await-holding.toml:1:32: warning: 'coro::yield_now' in 'await-holding-invalid-types' names a function, so it matches nothing there; did you mean 'suspend-functions'?"
expect_err "await-holding.toml:2:22: warning: 'std::mutex' in 'suspend-functions' names a type, so it matches nothing there; did you mean 'await-holding-invalid-types'?"

begin unknown-pack
printf 'extends = ["std", "nonesuch"]\n' >"$root/unknown-pack/c.toml"
run unknown-pack --config c.toml x.cpp
expect_status 2; expect_err "c.toml:1:19: error: unknown rule pack 'nonesuch'"

# ---- discovery, nesting, inherit -----------------------------------------------------------
begin discovery
d=$root/discovery
mkdir -p "$d/lib/sub" "$d/app"
cat >"$d/await-holding.toml" <<'TOML'
await-holding-invalid-types = ["trace::Scope"]
TOML
cat >"$d/lib/await-holding.toml" <<'TOML'
inherit = true
await-holding-invalid-types = ["lib::Token"]
TOML
cat >"$d/app/await-holding.json" <<'JSON'
{"await-holding-invalid-types": ["app::Pin"], "extends": []}
JSON
for dir in lib/sub app .; do
  cat >"$d/$dir/t.cpp" <<'CPP'
#include "coro_stub.h"
#include "mutex_stub.h"
namespace trace { struct Scope { ~Scope(); }; }
namespace lib { struct Token { ~Token(); }; }
namespace app { struct Pin { ~Pin(); }; }
std::mutex m;
coro::task<> f() {
  trace::Scope s;
  lib::Token t;
  app::Pin p;
  std::lock_guard<std::mutex> g(m);
  co_await coro::yield_now();
}
CPP
done
run discovery lib/sub/t.cpp "${args[@]}"
expect_out "'s' of type 'trace::Scope'"; expect_out "'t' of type 'lib::Token'"
expect_out "'g' of type"; expect_no_out "'p' of type"
run discovery app/t.cpp "${args[@]}"
expect_out "'p' of type 'app::Pin'"; expect_no_out "'s' of type"; expect_no_out "'g' of type"
run discovery t.cpp "${args[@]}"
expect_out "'s' of type"; expect_out "'g' of type"; expect_no_out "'t' of type"
run discovery --dump-config lib/sub/t.cpp
expect_status 0; expect_out '"trace::Scope"'; expect_out '"lib::Token"'; expect_out '"std::lock_guard"'
# the dump is a configuration itself: it reads back and gives the same
printf '%s\n' "$out" >"$d/dumped.toml"
printf 'extends = []\n' >>"$d/dumped.toml"
run discovery --config dumped.toml lib/sub/t.cpp "${args[@]}"
expect_status 1; expect_out "'s' of type 'trace::Scope'"; expect_out "'t' of type 'lib::Token'"
expect_out "'g' of type"; expect_no_out "'p' of type"

# ---- header filter and exclude ----------------------------------------------------------------
begin header-filter
d=$root/header-filter
mkdir -p "$d/inc"
cat >"$d/inc/pool.h" <<'H'
#include "coro_stub.h"
#include "mutex_stub.h"
inline std::mutex pool_mu;
inline coro::task<> refill() {
  std::lock_guard<std::mutex> g(pool_mu);
  co_await coro::yield_now();
}
H
printf '#include "inc/pool.h"\n' >"$d/main.cpp"
run header-filter main.cpp "${args[@]}"
expect_status 0
printf 'header-filter = "inc/.*\\\\.h$"\n' >"$d/await-holding.toml"
run header-filter main.cpp "${args[@]}"
expect_status 1; expect_out "inc/pool.h:5:31: warning:"

rm "$d/await-holding.toml"
run header-filter --header-filter='inc/.*\.h$' main.cpp "${args[@]}"
expect_status 1; expect_out "inc/pool.h:5:31: warning:"
run header-filter --header-filter='(' main.cpp "${args[@]}"
expect_status 2; expect_err "invalid regular expression '(' for --header-filter"

begin exclude
d=$root/exclude
mkdir -p "$d/gen" "$d/src"
bad_cpp "$d/gen/bad.cpp"; bad_cpp "$d/src/bad.cpp"; bad_cpp "$d/src/x.pb.cc"
printf 'exclude = ["gen/*", "*.pb.cc"]\n' >"$d/await-holding.toml"
run exclude gen/bad.cpp src/bad.cpp src/x.pb.cc "${args[@]}"
expect_status 1; expect_out "src/bad.cpp:5"; expect_no_out "gen/bad.cpp"; expect_no_out "x.pb.cc"
expect_no_err "matched no file"
# a pattern that matches no file of the run is named, with what it is relative to
printf 'exclude = ["gen/*", "src/gen/*", "*.pb.h"]\n' >"$d/await-holding.toml"
run exclude gen/bad.cpp src/bad.cpp "${args[@]}"
expect_status 1; expect_no_err "'gen/*' matched"
expect_err "await-holding.toml:1:21: warning: 'exclude' pattern 'src/gen/*' matched no file of the run (a pattern with '/' is relative to the configuration's directory: '"
expect_err "await-holding.toml:1:34: warning: 'exclude' pattern '*.pb.h' matched no file of the run (a pattern without '/' matches a file name in any directory)"
run exclude --dump-config src/bad.cpp "${args[@]}"
expect_out "# exclude: a pattern with '/' is relative to the directory of the"
expect_out "/exclude/src/gen/*\""

# ---- deep nesting: clang itself needs more than 8 MiB of stack here ----------------
begin deep
{
  echo '#include "coro_stub.h"'
  echo '#include "mutex_stub.h"'
  echo 'std::mutex m; int g(int);'
  echo 'coro::task<> f(int x) {'
  echo '  std::lock_guard<std::mutex> l(m);'
  echo '  if (x == 0) g(0);'
  for ((i = 1; i < 3000; i++)); do echo "  else if (x == $i) g($i);"; done
  printf '  int y = '; for ((i = 0; i < 2000; i++)); do printf '('; done
  printf '1'; for ((i = 0; i < 2000; i++)); do printf ')'; done; echo ';'
  echo '  co_await coro::yield_now();'
  echo '}'
} >"$root/deep/deep.cpp"
run deep deep.cpp "${args[@]}"
expect_status 1; expect_out "deep.cpp:5:31: warning: 'l' of type"

# ---- suppression flag ------------------------------------------------------------------------------
begin unused-suppression
cat >"$root/unused-suppression/s.cpp" <<'CPP'
#include "coro_stub.h"
int x = 0; // NOLINT(await-holding)
CPP
run unused-suppression s.cpp "${args[@]}"
expect_status 0; expect_no_err "suppresses nothing"
run unused-suppression --warn-unused-suppressions s.cpp "${args[@]}"
expect_err "s.cpp:2:15: warning: 'NOLINT(await-holding)' suppresses nothing"

# ---- unless-arg ------------------------------------------------------------------------------------
gfp_c() {
  cat >"$1" <<'C'
#define GFP_KERNEL 1u
#define GFP_NOWAIT 2u
void spin_lock(int *l);
void spin_unlock(int *l);
void *kmalloc(unsigned long n, unsigned gfp);
void f(int *l) {
  spin_lock(l);
  kmalloc(1, GFP_NOWAIT);
  kmalloc(1, GFP_KERNEL);
  spin_unlock(l);
}
C
}
begin unless-arg-toml
gfp_c "$root/unless-arg-toml/t.c"
cat >"$root/unless-arg-toml/c.toml" <<'TOML'
extends = []
lock-functions = [{ acquire = "spin_lock", release = "spin_unlock" }]
suspend-functions = [
  { path = "kmalloc", unless-arg = { index = 1, any-of = ["GFP_ATOMIC", "GFP_NOWAIT"] } },
]
TOML
run unless-arg-toml --config c.toml t.c --
expect_status 1; expect_out "t.c:9:3: note: suspended here by call to 'kmalloc'"; expect_no_out "t.c:8:"
run unless-arg-toml --config c.toml --dump-config t.c --
expect_out '{ path = "kmalloc", unless-arg = { index = 1, any-of = ["GFP_ATOMIC", "GFP_NOWAIT"] } },'

begin unless-arg-json
gfp_c "$root/unless-arg-json/t.c"
cat >"$root/unless-arg-json/c.json" <<'JSON'
{ "extends": [],
  "lock-functions": [{ "acquire": "spin_lock", "release": "spin_unlock" }],
  "suspend-functions": [
    { "path": "kmalloc", "unless-arg": { "index": 1, "any-of": ["GFP_NOWAIT"] } } ] }
JSON
run unless-arg-json --config c.json t.c --
expect_status 1; expect_out "t.c:9:3: note: suspended here by call to 'kmalloc'"; expect_no_out "t.c:8:"

begin unless-arg-errors
d=$root/unless-arg-errors
printf 'suspend-functions = [\n  { path = "kmalloc", unless-arg = { index = 1 } },\n]\n' >"$d/c.toml"
run unless-arg-errors --config c.toml x.c
expect_status 2; expect_err "c.toml:2:36: error: missing 'any-of' in 'unless-arg'"
printf 'suspend-macros = [\n  { path = "kmalloc", unless-arg = { index = "1", any-of = ["A"] } },\n]\n' >"$d/c.toml"
run unless-arg-errors --config c.toml x.c
expect_status 2; expect_err "c.toml:2:46: error: expected an argument number (0 for the first) for 'index', found a string"
printf 'suspend-functions = [\n  { path = "kmalloc", unless-arg = { index = 1, any-of = ["A|B"] } },\n]\n' >"$d/c.toml"
run unless-arg-errors --config c.toml x.c
expect_status 2; expect_err "c.toml:2:59: error: 'A|B' in 'any-of' is not an identifier"
printf 'suspend-functions = [\n  { path = "kmalloc", unless-arg = { index = 1, anyof = ["A"] } },\n]\n' >"$d/c.toml"
run unless-arg-errors --config c.toml x.c
expect_status 2; expect_err "c.toml:2:49: error: unknown key 'anyof'"; expect_err "did you mean 'any-of'?"
printf 'await-holding-invalid-types = [{ path = "x", unless-arg = { index = 1, any-of = ["A"] } }]\n' >"$d/c.toml"
run unless-arg-errors --config c.toml x.c
expect_status 2; expect_err "c.toml:1:46: error: 'unless-arg' belongs in entries of 'suspend-functions' and 'suspend-macros'"
printf '{ "suspend-functions": [ { "path": "k", "unless-arg": { "index": 1, "any-of": "A" } } ] }\n' >"$d/c.json"
run unless-arg-errors --config c.json x.c
expect_status 2; expect_err "c.json:1:"; expect_err "expected an array of names for 'any-of', found a string"

echo "$n cases, $fails failed"
[ "$fails" -eq 0 ]
