#!/usr/bin/env bash
# Command-line tests of the driver's reliability: output that is never
# lost or truncated in silence, options that compose or are refused,
# compile databases and configurations that are broken, strange or huge.
# Each case builds its inputs in a fresh directory outside the repository
# and checks the status, stdout and stderr; the expectations are here.
#
#   bash testdata/cli/driver.sh path/to/await-holding
set -u
. "$(dirname "$0")/lib.sh" "$@"

# run_to NAME STDOUT [args...]: as run, with stdout sent to STDOUT
run_to() {
  local dir=$root/$1 to=$2
  shift 2
  (cd "$dir" && "$AH" "$@" >"$to" 2>"$root/err")
  status=$?
  out=""
  err=$(cat "$root/err")
}


args=(-- -std=c++20 -I "$inc")

# ---- write errors ------------------------------------------------------------------------------------
if [ -w /dev/full ]; then
  for fmt in text json sarif; do
    begin "dev-full-$fmt"
    bad_cpp "$root/$case/bad.cpp"
    run_to "$case" /dev/full --format=$fmt bad.cpp "${args[@]}"
    expect_status 2; expect_err "cannot write to standard output: No space left on device"
  done
  begin dev-full-clean-text  # nothing to write: nothing fails
  echo 'int f(void) { return 0; }' >"$root/$case/ok.c"
  run_to "$case" /dev/full ok.c
  expect_status 0; expect_no_err "cannot write"
  begin dev-full-help
  run_to "$case" /dev/full --help
  expect_status 2; expect_err "cannot write to standard output"
fi

begin stdout-closed
bad_cpp "$root/$case/bad.cpp"
(cd "$root/$case" && "$AH" --format=json bad.cpp "${args[@]}" >&- 2>"$root/err")
status=$?; out=""; err=$(cat "$root/err")
expect_status 2; expect_err "cannot write to standard output: Bad file descriptor"

begin stdout-closed-with-o  # the -o file must not become stdout
bad_cpp "$root/$case/bad.cpp"
(cd "$root/$case" && "$AH" --format=json -o r.json bad.cpp "${args[@]}" >&- 2>"$root/err")
status=$?; out=""; err=$(cat "$root/err")
expect_status 1; python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$root/$case/r.json" ||
  fail "r.json is not one JSON document"

begin o-file-size-limit  # a full disk: the old file stays whole, exit 2
bad_cpp "$root/$case/bad.cpp"
for i in $(seq 20); do printf 'coro::task<> bad%d() { std::lock_guard<std::mutex> g(m); co_await coro::yield_now(); }\n' "$i"; done >>"$root/$case/bad.cpp"
echo 'previous report' >"$root/$case/r.json"
(cd "$root/$case" && trap '' XFSZ && ulimit -f 1 && "$AH" --format=json -o r.json bad.cpp "${args[@]}" 2>"$root/err")
status=$?; out=""; err=$(cat "$root/err")
expect_status 2; expect_err "cannot write 'r.json': File too large"
[ "$(cat "$root/$case/r.json")" = "previous report" ] || fail "r.json was changed"
[ -z "$(ls -A "$root/$case" | grep -v -e '^bad.cpp$' -e '^r.json$')" ] || fail "a temporary file was left: $(ls -A "$root/$case")"

begin o-replaced-whole
bad_cpp "$root/$case/bad.cpp"
echo 'previous report' >"$root/$case/r.txt"
chmod 640 "$root/$case/r.txt"
run "$case" -o r.txt bad.cpp "${args[@]}"
expect_status 1
grep -q "bad.cpp:5:31: warning:" "$root/$case/r.txt" || fail "r.txt lacks the finding"
grep -q "previous report" "$root/$case/r.txt" && fail "r.txt still has the old text"
[ "$(stat -c %a "$root/$case/r.txt")" = 640 ] || fail "r.txt lost its mode"

begin o-dev-null  # not a regular file: written to, not replaced
bad_cpp "$root/$case/bad.cpp"
run "$case" -o /dev/null bad.cpp "${args[@]}"
expect_status 1; [ -c /dev/null ] || fail "/dev/null is no longer a device"

begin o-unwritable-dir
bad_cpp "$root/$case/bad.cpp"
run "$case" -o nodir/r.txt bad.cpp "${args[@]}"
expect_status 2; expect_err "cannot write 'nodir/r.txt': No such file or directory"

# ---- -o naming an input ------------------------------------------------------------------------------
begin o-is-input
bad_cpp "$root/$case/victim.cpp"
cp "$root/$case/victim.cpp" "$root/$case/orig.cpp"
run "$case" -o victim.cpp victim.cpp "${args[@]}"
expect_status 2; expect_err "output file 'victim.cpp' is also a file to check"
cmp -s "$root/$case/victim.cpp" "$root/$case/orig.cpp" || fail "victim.cpp was changed"
run "$case" -o ./victim.cpp "$root/$case/victim.cpp" "${args[@]}"
expect_status 2; expect_err "is also a file to check"

begin o-is-config
bad_cpp "$root/$case/bad.cpp"
echo 'extends = ["std"]' >"$root/$case/c.toml"
run "$case" --config c.toml -o c.toml bad.cpp "${args[@]}"
expect_status 2; expect_err "output file 'c.toml' is also the configuration"
grep -q 'extends' "$root/$case/c.toml" || fail "c.toml was changed"

begin o-is-database
bad_cpp "$root/$case/bad.cpp"
printf '[{"directory": "%s", "file": "bad.cpp", "arguments": ["clang++", "-c", "bad.cpp"]}]\n' "$root/$case" >"$root/$case/compile_commands.json"
run "$case" -p . -o compile_commands.json
expect_status 2; expect_err "output file 'compile_commands.json' is also the compile database"
grep -q '"arguments"' "$root/$case/compile_commands.json" || fail "the database was changed"

begin o-other-file-ok
bad_cpp "$root/$case/bad.cpp"
run "$case" -o out.txt bad.cpp "${args[@]}"
expect_status 1; grep -q "warning:" "$root/$case/out.txt" || fail "out.txt lacks the finding"

# ---- options that compose or are refused -------------------------------------------------------------
begin verify-format
bad_cpp "$root/$case/bad.cpp"
run "$case" --verify --format=json bad.cpp
expect_status 2; expect_err "'--verify' prints its own report; it does not take --format=json"
run "$case" --verify -o r.txt bad.cpp
expect_status 2; expect_err "'--verify' prints its own report; it does not take -o 'r.txt'"
[ -e "$root/$case/r.txt" ] && fail "r.txt was written"

begin dump-config-format
bad_cpp "$root/$case/bad.cpp"
run "$case" --dump-config --format=sarif bad.cpp
expect_status 2; expect_err "'--dump-config' prints TOML; it does not take --format=sarif"
run "$case" --dump-config --dump-view bad.cpp
expect_status 2; expect_err "'--dump-config' and '--dump-view' cannot be combined"

begin dump-config-o  # composes: the dump goes to the file
bad_cpp "$root/$case/bad.cpp"
run "$case" --dump-config -o cfg.toml bad.cpp
expect_status 0; [ -z "$out" ] || fail "the dump went to stdout"
grep -q '^# effective configuration for bad.cpp' "$root/$case/cfg.toml" || fail "cfg.toml lacks the dump"

begin dump-view-json
bad_cpp "$root/$case/bad.cpp"
run "$case" --dump-view --format=json bad.cpp "${args[@]}"
expect_status 2; expect_err "'--dump-view' prints to standard output, where --format=json would go too"
run "$case" --dump-view --format=json -o r.json bad.cpp "${args[@]}"
expect_status 1; expect_out "function bad (coroutine)"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$root/$case/r.json" || fail "r.json is not JSON"
run "$case" --dump-view bad.cpp "${args[@]}"   # text: dump, then findings
expect_status 1; expect_out "function bad (coroutine)"; expect_out "bad.cpp:5:31: warning:"

# ---- JSON configurations read as strictly as TOML ----------------------------------------------------
begin json-null-extends  # once a crash
bad_cpp "$root/$case/bad.cpp"
printf '{"extends": null}\n' >"$root/$case/c.json"
run "$case" --config c.json bad.cpp "${args[@]}"
expect_status 2; expect_err "c.json:1:13: error: expected an array of rule pack names for 'extends', found a null"

begin json-null-bool
bad_cpp "$root/$case/bad.cpp"
printf '{"inherit": null}\n' >"$root/$case/c.json"
run "$case" --config c.json bad.cpp "${args[@]}"
expect_status 2; expect_err "c.json:1:13: error: expected true or false for 'inherit', found a null"

begin json-huge-number  # no float-to-int overflow (UBSan with clang sees it)
bad_cpp "$root/$case/bad.cpp"
printf '{"inherit": 1e300}\n' >"$root/$case/c.json"
run "$case" --config c.json bad.cpp "${args[@]}"
expect_status 2; expect_err "c.json:1:13: error: expected true or false for 'inherit', found a float"
printf '{"inherit": -9223372036854775808}\n' >"$root/$case/c.json"
run "$case" --config c.json bad.cpp "${args[@]}"
expect_status 2; expect_err "found an integer"

# ---- compile databases found by walking up; response files --------------------------------------------
begin walked-up-malformed  # exit 2 and nothing checked (no default arguments)
mkdir -p "$root/$case/src"
bad_cpp "$root/$case/src/bad.cpp"
printf '[{"directory": "/", "file": 1}]\n' >"$root/$case/compile_commands.json"
run "$case" src/bad.cpp
expect_status 2; expect_err "compile_commands.json:1:"; expect_no_out "warning:"

begin walked-up-fifo  # refused at once, not waited on
bad_cpp "$root/$case/bad.cpp"
mkfifo "$root/$case/compile_commands.json"
(cd "$root/$case" && timeout 20 "$AH" bad.cpp >"$root/out" 2>"$root/err")
status=$?; out=$(cat "$root/out"); err=$(cat "$root/err")
expect_status 2; expect_err "cannot open '$root/$case/compile_commands.json': not a regular file"
expect_no_out "warning:"

begin walked-up-directory-ok  # a directory named compile_commands.json is not a database
mkdir -p "$root/$case/compile_commands.json"
bad_cpp "$root/$case/bad.cpp"
run "$case" bad.cpp -- -std=c++20 -I "$inc"
expect_status 1

# db NAME RSP: a database in $root/NAME whose one entry reads @RSP for its include path
db_with_rsp() {
  bad_cpp "$root/$1/bad.cpp"
  cat >"$root/$1/compile_commands.json" <<JSON
[{"directory": "$root/$1", "file": "bad.cpp",
  "arguments": ["clang++", "-std=c++20", "@$2", "-I", "$inc", "-c", "bad.cpp"]}]
JSON
}

begin rsp-missing  # warned about, then passed on as clang does
db_with_rsp "$case" nope.rsp
run "$case" -p . bad.cpp
expect_status 1; expect_err "warning: cannot read response file 'nope.rsp' in the command for '$root/$case/bad.cpp': No such file or directory"

begin rsp-fifo
db_with_rsp "$case" pipe.rsp
mkfifo "$root/$case/pipe.rsp"
(cd "$root/$case" && timeout 20 "$AH" -p . bad.cpp >"$root/out" 2>"$root/err")
status=$?; out=$(cat "$root/out"); err=$(cat "$root/err")
expect_status 1; expect_err "cannot read response file 'pipe.rsp'"; expect_err "not a regular file"

begin rsp-dev-zero  # no unbounded read
db_with_rsp "$case" /dev/zero
(cd "$root/$case" && timeout 20 "$AH" -p . bad.cpp >"$root/out" 2>"$root/err")
status=$?; out=$(cat "$root/out"); err=$(cat "$root/err")
expect_status 1; expect_err "cannot read response file '/dev/zero'"; expect_err "not a regular file"

begin rsp-regular  # still expanded
db_with_rsp "$case" args.rsp
printf -- '-DFROM_RSP=1\n' >"$root/$case/args.rsp"
run "$case" -p . bad.cpp
expect_status 1; expect_no_err "response file"

# ---- huge lines, control characters, invalid UTF-8 ----------------------------------------------------
begin long-line-error  # a window around the column, not the whole line
bad_cpp "$root/$case/bad.cpp"
python3 -c "print('suspend-functions = [' + ', '.join('\"f%d\"' % i for i in range(100000)) + ', 1x]')" >"$root/$case/c.toml"
run "$case" --config c.toml bad.cpp "${args[@]}"
expect_status 2; expect_err "c.toml:1:988913: error: unexpected 'x' in number"
expect_err '"f99998", "f99999", 1x]'; expect_err '    ...'
[ "${#err}" -lt 1000 ] || fail "stderr has ${#err} bytes"

begin control-chars-in-name  # an escape sequence in a file name is not sent raw
run "$case" $'x\e]0;owned\a.cpp'
expect_status 3; expect_err "cannot open 'x\x1b]0;owned\x07.cpp'"
grep -q $'\e' "$root/err" && fail "stderr has a raw ESC"

begin reason-escapes  # a configuration's reason with control characters
bad_cpp "$root/$case/bad.cpp"
printf '{"await-holding-invalid-types": [{"path": "std::lock_guard", "reason": "a\\u001b[31mred\\u0085"}], "extends": []}\n' >"$root/$case/c.json"
run "$case" --config c.json bad.cpp "${args[@]}"
expect_status 1; expect_out 'note: reason: a\x1b[31mred\xc2\x85'
grep -q $'\e' "$root/out" && fail "stdout has a raw ESC"

begin unused-entry-escapes  # the unused-entry warning shows a configured ESC escaped
echo 'int f(void) { return 0; }' >"$root/$case/ok.c"
printf 'extends = []\nsuspend-functions = ["a\\u001b[31mb"]\n' >"$root/$case/c.toml"
run "$case" --config c.toml ok.c
expect_status 0; expect_err "warning: 'a\x1b[31mb' in 'suspend-functions' matched nothing"
grep -q $'\e' "$root/err" && fail "stderr has a raw ESC"

begin dump-config-escapes  # --dump-config writes control characters as TOML escapes
echo 'int f(void) { return 0; }' >"$root/$case/ok.c"
printf '{"extends": [], "suspend-functions": [{"path": "a::b", "reason": "x\\u001by\\u0085z"}]}\n' >"$root/$case/c.json"
run "$case" --config c.json --dump-config ok.c
expect_status 0; expect_out 'reason = "x\u001by\u0085z"'
grep -q $'\e' "$root/out" && fail "stdout has a raw ESC"

begin invalid-utf8-name-json  # JSON and SARIF stay valid UTF-8
name=$'bad\xff.cpp'
bad_cpp "$root/$case/$name"
for fmt in json sarif; do
  run "$case" --format=$fmt "$name" "${args[@]}"
  expect_status 1
  python3 -c 'import json,sys; json.loads(sys.stdin.buffer.read().decode("utf-8"))' <"$root/out" ||
    fail "$fmt output is not valid UTF-8 JSON"
  # JSON shows the name; SARIF's uri percent-encodes the same text
  if [ $fmt = json ]; then expect_out '"bad\\xff.cpp"'; else expect_out '"uri":	"bad%5Cxff.cpp"'; fi
done

# ---- files named twice; files not checked ------------------------------------------------------------
begin same-file-twice
bad_cpp "$root/$case/a.cpp"
ln -s a.cpp "$root/$case/link.cpp"
run "$case" a.cpp ./a.cpp "$root/$case/a.cpp" link.cpp "${args[@]}"
expect_status 1
[ "$(grep -c 'warning:' <<<"$out")" -eq 1 ] || fail "expected the finding once"
expect_out "a.cpp:5:31: warning:"

begin not-checked-in-json  # exit 3, and the file is in "errors" / notifications
bad_cpp "$root/$case/bad.cpp"
mkdir "$root/$case/dir.cpp"
run "$case" --format=json nope.cpp dir.cpp bad.cpp "${args[@]}"
expect_status 3
expect_out '"message":	"cannot open '"'"'nope.cpp'"'"': No such file or directory"'
expect_out '"message":	"cannot open '"'"'dir.cpp'"'"': Is a directory"'
expect_err "await-holding: error: cannot open 'nope.cpp': No such file or directory"
run "$case" --format=sarif nope.cpp bad.cpp "${args[@]}"
expect_status 3; expect_out '"executionSuccessful":	false'
expect_out '"text":	"cannot open '"'"'nope.cpp'"'"': No such file or directory"'
run "$case" --format=sarif bad.cpp "${args[@]}"
expect_status 1; expect_out '"executionSuccessful":	true'

begin verify-missing-file  # --verify says it too
run "$case" --verify nope.cpp
expect_err "cannot open 'nope.cpp': No such file or directory"

begin verify-config-bare-name  # a file beside the test, else a pack, else an error there
mkdir -p "$root/$case/sub"
echo '{"suspend-functions": ["park"]}' >"$root/$case/sub/cfg.json"
cat >"$root/$case/sub/t.cpp" <<CPP
// verify-args: -std=c++20 -I $inc
// verify-config: cfg.json
#include "mutex_stub.h"
void park();
std::mutex m;
void f() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type}}
  park(); // expect-note {{suspended here by call to 'park'}}
}
CPP
sed 's/cfg.json/nosuch.json/' "$root/$case/sub/t.cpp" >"$root/$case/sub/unknown.cpp"
cat >"$root/$case/sub/pack.cpp" <<CPP
// verify-args: -std=c++20 -I $inc
// verify-config: absl
// expect-no-diagnostics
CPP
run "$case" --verify sub/t.cpp
expect_status 0; expect_no_err "rule pack"
run "$case" --verify sub/pack.cpp
expect_status 0
run "$case" --verify sub/unknown.cpp
expect_status 2
expect_err "sub/unknown.cpp:2:19: error: verify-config 'nosuch.json' is neither a file beside the test"
expect_err "nor a rule pack (available: absl,"
expect_no_err "<command line>"

begin db-entry-messages  # what clang would call a "failure", named by entry
mkdir -p "$root/$case/src"
bad_cpp "$root/$case/src/bad.cpp"
mkdir "$root/$case/src/dir.cpp"
cat >"$root/$case/compile_commands.json" <<JSON
[{"directory": "$root/$case/src", "file": "bad.cpp", "arguments": ["clang++", "-std=c++20", "-I", "$inc", "-c", "bad.cpp"]},
 {"directory": "$root/$case/src", "file": "gone.cpp", "arguments": ["clang++", "-c", "gone.cpp"]},
 {"directory": "$root/$case/src", "file": "dir.cpp", "arguments": ["clang++", "-c", "dir.cpp"]},
 {"directory": "$root/$case/nowhere", "file": "$root/$case/src/bad2.cpp", "arguments": ["clang++", "-c", "x.cpp"]}]
JSON
cp "$root/$case/src/bad.cpp" "$root/$case/src/bad2.cpp"
run "$case" -p .
expect_status 3
expect_err "cannot open '$root/$case/src/gone.cpp' (the entry at ./compile_commands.json:2:2): No such file or directory"
expect_err "cannot open '$root/$case/src/dir.cpp' (the entry at ./compile_commands.json:3:2): Is a directory"
expect_err "cannot use directory '$root/$case/nowhere' of the entry for '$root/$case/src/bad2.cpp' at ./compile_commands.json:4:2: No such file or directory"
expect_no_err "libclang failed"
expect_out "bad.cpp:5:31: warning:"   # the good entry is still checked

begin db-borrowed-directory  # a header borrows an entry whose directory is gone
mkdir -p "$root/$case/src"
printf 'int h(void);\n' >"$root/$case/src/a.h"
cat >"$root/$case/compile_commands.json" <<JSON
[{"directory": "$root/$case/gone", "file": "$root/$case/src/a.c", "arguments": ["cc", "-c", "a.c"]}]
JSON
run "$case" src/a.h
expect_status 3
expect_err "cannot use directory '$root/$case/gone' of the entry for '$root/$case/src/a.c' at $root/$case/compile_commands.json:1:2, whose command 'src/a.h' borrows: No such file or directory"
expect_no_err "libclang"

begin too-many-errors-order  # clang's notice after the errors it follows
for i in $(seq 6); do echo "int f$i( {"; done >"$root/$case/broken.cpp"
run "$case" broken.cpp -- -ferror-limit=2
expect_status 3
last=$(grep -n 'too many errors' <<<"$err" | cut -d: -f1)
first=$(grep -n '^broken.cpp:' <<<"$err" | head -1 | cut -d: -f1)
[ -n "$last" ] && [ -n "$first" ] && [ "$last" -gt "$first" ] || fail "'too many errors' is not after the errors"

# ---- configurations through symlinks; inheritance chains ----------------------------------------------
begin config-symlink-parent  # the parent of a config named through a symlink is its real parent's
mkdir -p "$root/$case/p/sub" "$root/$case/q"
bad_cpp "$root/$case/q/bad.cpp"
printf 'extends = []\nawait-holding-invalid-types = ["std::lock_guard"]\n' >"$root/$case/p/await-holding.toml"
printf 'inherit = true\nextends = []\n' >"$root/$case/p/sub/await-holding.toml"
ln -s ../p/sub/await-holding.toml "$root/$case/q/cfg.toml"
run "$case" --config q/cfg.toml --dump-config q/bad.cpp
expect_status 0; expect_out '"std::lock_guard",'
expect_no_out '"std::unique_lock"'   # not the built-in std pack

begin config-inherits-itself  # a parent that is the same file is an error, not a second load
mkdir -p "$root/$case/a/b"
bad_cpp "$root/$case/a/b/bad.cpp"
printf 'inherit = true\nsuspend-functions = ["x::y"]\n' >"$root/$case/a/b/await-holding.toml"
ln -s b/await-holding.toml "$root/$case/a/await-holding.toml"
run "$case" a/b/bad.cpp "${args[@]}"
expect_status 2
expect_err "configuration '$root/$case/a/await-holding.toml' inherits from itself: '$root/$case/a/b/await-holding.toml' -> '$root/$case/a/await-holding.toml'"

begin config-inherit-too-deep  # the chain and the limit are named
d="$root/$case"
for i in $(seq 20); do d="$d/d$i"; mkdir -p "$d"; printf 'inherit = true\n' >"$d/await-holding.toml"; done
bad_cpp "$d/bad.cpp"
run "$case" "$d/bad.cpp" "${args[@]}"
expect_status 2
expect_err "configurations inherit too deeply (at most 16 levels): '$d/await-holding.toml' -> "
expect_err "/d4/await-holding.toml' -> '$root/$case/d1/d2/d3/await-holding.toml'"

begin config-inherit-deep-ok  # 16 levels, then a pack: fine
d="$root/$case"
for i in $(seq 16); do d="$d/d$i"; mkdir -p "$d"; printf 'inherit = true\nextends = ["std"]\n' >"$d/await-holding.toml"; done
bad_cpp "$d/bad.cpp"
run "$case" "$d/bad.cpp" "${args[@]}"
expect_status 1; expect_no_err "too deeply"

# ---- memory of a -p run ------------------------------------------------------------------------------
# Flat in the number of files: 800 more small files may not cost what one
# 64 KiB block each would (52 MB); they now cost about 4 KB each.
if [ -x /usr/bin/time ]; then
  begin memory-per-file
  for k in 200 1000; do
    mkdir -p "$root/$case/n$k"
    python3 - "$root/$case/n$k" "$k" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
ents = []
for i in range(n):
    f = f"{d}/f{i}.cpp"
    open(f, "w").write(f"int f{i}(int x) {{ return x + {i}; }}\n")
    ents.append({"directory": d, "file": f, "arguments": ["clang++", "-c", f]})
json.dump(ents, open(f"{d}/compile_commands.json", "w"))
PY
    # under AddressSanitizer, freed blocks would wait in its quarantine
    (cd "$root/$case" && ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
       /usr/bin/time -f '%M' -o "rss$k" "$AH" -j1 -p "n$k" >/dev/null 2>&1)
  done
  small=$(cat "$root/$case/rss200"); big=$(cat "$root/$case/rss1000")
  [ $((big - small)) -lt 24000 ] || fail "800 more files cost $((big - small)) KB (200 files: $small KB, 1000: $big KB)"
fi

echo "$n cases, $fails failed"
[ "$fails" -eq 0 ]
