#!/usr/bin/env bash
# Command-line tests of the project index (checker/index.h): a file checked
# alone answers as the whole database does, unchanged files are not parsed
# again, a header edit re-parses its includers only, a damaged or busy index
# is survived, and shards merged give the single run's output byte for byte.
#
# The project is testdata/cli/index (see its README), copied to a scratch
# directory with a compile_commands.json of absolute paths.
#
#   bash testdata/cli/index.sh path/to/await-holding
set -u
. "$(dirname "$0")/lib.sh" "$@"

expect_count() { # expect_count N TEXT: stdout has TEXT on exactly N lines
  local c; c=$(grep -cF -- "$2" <<<"$out")
  [ "$c" -eq "$1" ] || fail "expected $1 lines with '$2' in stdout, got $c"
}
# The "N of M files parsed" part of --stats' index line.
expect_parsed() {
  grep -qF -- "index: $1 of $2 files parsed" <<<"$err" || fail "expected $1 of $2 files parsed"
}

# project DIR [files...]: a fresh copy with its compile database (in the
# order given, default sorted)
project() {
  local d=$1; shift
  rm -rf "$d"; mkdir -p "$d"
  cp -r "$here/index/." "$d/"
  local files=("$@")
  [ ${#files[@]} -gt 0 ] || files=(src/plain.cpp src/queue.cpp src/relay.cpp src/worker.cpp)
  {
    echo "["
    local sep=""
    for f in "${files[@]}"; do
      printf '%s  {"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++20", "-I%s", "-Iinclude", "-c", "%s"]}' \
        "$sep" "$d" "$d/$f" "$inc" "$f"
      sep=$',\n'
    done
    echo; echo "]"
  } >"$d/compile_commands.json"
}

# ah DIR args...: run in DIR; sets $status $out $err
ah() {
  local d=$1; shift
  (cd "$d" && "$AH" "$@" >"$root/out" 2>"$root/err")
  status=$?
  out=$(cat "$root/out")
  err=$(cat "$root/err")
}

P=$root/p
project "$P"

# ---- the whole database, then one file --------------------------------------
begin full
ah "$P" -p . --stats
expect_status 1
expect_parsed 4 4
expect_err "index: updating 4 of 4 files in '$P/.await-holding'"
expect_count 2 "warning: 'lk' of type"
expect_out "src/worker.cpp:10:3: note: suspended here by call that may suspend (enqueue -> relay -> sched::yield)"
expect_out "src/worker.cpp:16:3: note: suspended here by call that may suspend (pause_now -> sched::yield)"
[ -d "$P/.await-holding" ] || fail "no index beside the compile database"
full=$out

begin unchanged
ah "$P" -p . --stats
expect_status 1
expect_parsed 0 4
expect_no_err "index: updating"
[ "$out" == "$full" ] || fail "an unchanged re-run answers differently"

begin single-file
ah "$P" -p . "$P/src/worker.cpp" --stats
expect_status 1
expect_parsed 0 4
[ "$out" == "$full" ] || fail "worker.cpp alone differs from the full run"
expect_no_err "matched nothing"
# relative name, and the editor's way: no -p, the nearest database
ah "$P" -p . src/worker.cpp
expect_status 1; expect_count 2 "warning: 'lk' of type"; expect_no_err "matched nothing"
ah "$P/src" worker.cpp
expect_status 1; expect_count 2 "warning: 'lk' of type"; expect_no_err "matched nothing"
expect_out "worker.cpp:10:3: note: suspended here by call that may suspend (enqueue -> relay -> sched::yield)"
# a file with no findings of its own stays clean
ah "$P" -p . src/queue.cpp
expect_status 0; [ -z "$out" ] || fail "queue.cpp has no findings"

# extra compiler arguments are part of the key: they re-parse, and back again
ah "$P" -p . --stats -- -DSOMETHING
expect_parsed 4 4
ah "$P" -p . --stats --extra-arg=-DSOMETHING
expect_parsed 0 4
ah "$P" -p . --stats
expect_parsed 4 4
[ "$out" == "$full" ] || fail "after extra arguments"

# ---- edits in another file change this file's answer, both ways ----------------
begin callee-edit
cp "$P/src/relay.cpp" "$root/relay.orig"
sed -i 's/  sched::yield();/  (void)0;/' "$P/src/relay.cpp"
ah "$P" -p . src/worker.cpp --stats
expect_status 1
expect_parsed 1 4
expect_err "index: updating 1 of 4 files"
expect_count 1 "warning: 'lk' of type"
! grep -qF "enqueue -> relay" <<<"$out" || fail "enqueue still suspends after the edit"
cp "$root/relay.orig" "$P/src/relay.cpp"
ah "$P" -p . src/worker.cpp --stats
expect_status 1; expect_parsed 1 4
expect_count 2 "warning: 'lk' of type"
expect_out "(enqueue -> relay -> sched::yield)"
# a touch that changes nothing but the time parses nothing
touch "$P/src/relay.cpp"
ah "$P" -p . --stats
expect_parsed 0 4
[ "$out" == "$full" ] || fail "a touched file changed the answer"

# ---- a header edit re-parses exactly its includers ----------------------------
begin header-edit
echo "// edited" >>"$P/include/sched.h"   # included by pause.h (worker) and relay.cpp
ah "$P" -p . --stats
expect_parsed 2 4
[ "$out" == "$full" ] || fail "a comment in a header changed the answer"
echo "// edited" >>"$P/include/pause.h"   # included by worker.cpp only
ah "$P" -p . --stats
expect_parsed 1 4
ah "$P" -p . --stats
expect_parsed 0 4

# ---- header-filter decides what is reported, not what is indexed -----------------
begin header-filter
H=$root/h
project "$H"
cat >"$H/include/held.h" <<'CPP'
#pragma once
#include "coro_stub.h"
#include "mutex_stub.h"
#include "pause.h"
inline std::mutex hm;
inline coro::task<> held_in_header() {
  std::lock_guard<std::mutex> g(hm);
  pause_now();
  co_return;
}
CPP
echo '#include "held.h"' >>"$H/src/plain.cpp"
echo '#include "held.h"' >>"$H/src/queue.cpp"
ah "$H" -p . --stats
expect_parsed 4 4; expect_count 2 "warning:"
ah "$H" -p . --header-filter=include/ --stats
expect_parsed 0 4   # the same index serves every header-filter
expect_count 1 "include/held.h:7:31: warning: 'g' of type 'std::lock_guard<std::mutex>'"
expect_out "include/held.h:8:3: note: suspended here by call that may suspend (pause_now -> sched::yield)"
expect_count 3 "warning:"
ah "$H" -p . --header-filter=include/ src/plain.cpp
expect_status 1; expect_count 1 "warning:"; expect_out "include/held.h:7:31: warning:"
ah "$H" -p . --header-filter=include/ src/relay.cpp
expect_status 0; [ -z "$out" ] || fail "relay.cpp does not include held.h"

# ---- configuration: the whole index decides what matched nothing ----------------
begin config
Q=$root/q
project "$Q"
cat >"$Q/await-holding.toml" <<'TOML'
extends = ["std"]
suspend-functions = ["sched::yield", "sched::yeild"]
TOML
ah "$Q" -p . src/plain.cpp   # plain.cpp itself never calls sched::yield
expect_status 0
expect_no_err "'sched::yield' in 'suspend-functions' matched nothing"
expect_err "'sched::yeild' in 'suspend-functions' matched nothing"
# 'sched::yield' is an entry of the same list: not what 'sched::yeild' meant
expect_no_err "did you mean"
# the same warnings from the index alone, in a second run
ah "$Q" -p . src/plain.cpp --stats
expect_parsed 0 4
expect_no_err "'sched::yield' in 'suspend-functions' matched nothing"
expect_err "'sched::yeild' in 'suspend-functions' matched nothing"
# a changed configuration re-indexes; alone, the typo gets the project's name
printf 'extends = ["std"]\nsuspend-functions = ["sched::yeild"]\n' >"$Q/await-holding.toml"
ah "$Q" -p . src/plain.cpp --stats
expect_parsed 4 4
expect_err "'sched::yeild' in 'suspend-functions' matched nothing in the project; did you mean 'sched::yield'?"
printf 'extends = ["std"]\nsuspend-functions = ["sched::yield"]\n' >"$Q/await-holding.toml"
ah "$Q" -p . --stats
expect_parsed 4 4
[ "$out" == "$(sed "s|$P|$Q|g" <<<"$full")" ] || fail "after a configuration change"

# ---- did-you-mean: only a near name, never another entry of the list ------------
begin suggest
S=$root/suggest
mkdir -p "$S"
cat >"$S/net.c" <<'C'
typedef long ssize_t;
ssize_t dill_udp_recvl_(int s) { (void)s; return 0; }
ssize_t dill_udp_recvl(int s) { return dill_udp_recvl_(s); }
ssize_t dill_udp_sendl(int s) { (void)s; return 0; }
ssize_t read(int fd, void *buf, unsigned long n) { (void)fd; (void)buf; return (ssize_t)n; }
ssize_t recv(int fd, void *buf, unsigned long n, int flags) { (void)flags; return read(fd, buf, n); }
int mock_happyeyeballs_connect(const char *host) { (void)host; return 0; }
int main(void) { return (int)dill_udp_sendl(0) + mock_happyeyeballs_connect("h"); }
C
cat >"$S/await-holding.toml" <<'TOML'
extends = []
suspend-functions = [
  "dill_udp_recvl",
  "dill_udp_recvl_",
  "read",
  "recv",
  "dill_happyeyeballs_connect",
  "dill_udp_snedl",
]
TOML
printf '[{"directory": "%s", "file": "%s/net.c", "arguments": ["clang", "-std=c11", "-c", "net.c"]}]\n' \
  "$S" "$S" >"$S/compile_commands.json"
ah "$S" -p .
expect_status 0
# a transposition in a long name: the project's name is suggested
expect_err "'dill_udp_snedl' in 'suspend-functions' matched nothing in the project; did you mean 'dill_udp_sendl'?"
# 'dill_udp_recvl_' and 'read' are entries of the list; 'read' is two edits
# from a four-letter name, 'dill_udp_sendl' three from 'dill_udp_recvl'; the
# test's mock is four edits from the real name
expect_err "'dill_udp_recvl' in 'suspend-functions' matched nothing in the checked files; check the spelling"
expect_err "'recv' in 'suspend-functions' matched nothing in the checked files; check the spelling"
expect_err "'dill_happyeyeballs_connect' in 'suspend-functions' matched nothing in the checked files; check the spelling"
expect_no_err "did you mean 'dill_udp_recvl_'"
expect_no_err "did you mean 'read'"
expect_no_err "did you mean 'mock_happyeyeballs_connect'"
expect_no_err "'dill_udp_recvl' in 'suspend-functions' matched nothing in the project; did you mean"

# ---- damage, concurrency, a disk we cannot write -------------------------------
begin corrupt
entry=$(ls "$P/.await-holding/"*.ahi | head -1)
printf '\x01' | dd of="$entry" bs=1 seek=200 conv=notrunc 2>/dev/null
ah "$P" -p . --stats
expect_err "cannot be trusted (checksum mismatch); re-indexing"
expect_parsed 1 4
[ "$out" == "$full" ] || fail "a corrupt entry changed the answer"
ah "$P" -p . --stats
expect_no_err "cannot be trusted"; expect_parsed 0 4
# truncated
head -c 100 "$entry" >"$entry.t" && mv "$entry.t" "$entry"
ah "$P" -p . --stats
expect_err "cannot be trusted (truncated)"; expect_parsed 1 4
[ "$out" == "$full" ] || fail "a truncated entry changed the answer"
# another format: said once for the index, not per entry
for e in "$P/.await-holding/"*.ahi; do
  printf '\x63' | dd of="$e" bs=1 seek=8 conv=notrunc 2>/dev/null
done
ah "$P" -p . --stats
expect_parsed 4 4
c=$(grep -c "written by another version" <<<"$err")
[ "$c" -eq 1 ] || fail "expected one warning about another version, got $c"
[ "$out" == "$full" ] || fail "a foreign index changed the answer"

begin concurrent
rm -rf "$P/.await-holding"
pids=()
for i in 1 2 3 4; do
  (cd "$P" && "$AH" -p . >"$root/c$i.out" 2>"$root/c$i.err") &
  pids+=($!)
done
for i in 1 2 3 4; do
  wait "${pids[$((i - 1))]}"; st=$?
  status=$st; out=$(cat "$root/c$i.out"); err=$(cat "$root/c$i.err")
  expect_status 1
  [ "$out" == "$full" ] || fail "concurrent run $i answered differently"
  expect_no_err "cannot be trusted"
done
ah "$P" -p . --stats
expect_parsed 0 4; expect_no_err "cannot be trusted"
[ "$out" == "$full" ] || fail "after concurrent runs"
left=$(ls -a "$P/.await-holding" | grep -c tmp)
[ "$left" -eq 0 ] || fail "temporary files left in the index"

begin unwritable
touch "$root/a-file"
ah "$P" -p . --index-dir "$root/a-file/idx"
expect_status 1
expect_err "going on without an index"
[ "$out" == "$full" ] || fail "no index, other answer"
# a full disk: writes fail (file size limit), the answer does not change
rm -rf "$root/full-idx"
# (both streams through one pipe: a file written in the limited shell would fail too)
(cd "$P" && ulimit -f 0 && trap '' XFSZ && exec "$AH" -p . --index-dir "$root/full-idx" 2>&1) | cat >"$root/both"
status=${PIPESTATUS[0]}
out=$(grep -v '^await-holding: ' "$root/both"); err=$(grep '^await-holding: ' "$root/both")
expect_status 1
expect_err "cannot write to the index"
c=$(grep -c "cannot write to the index" <<<"$err")
[ "$c" -eq 1 ] || fail "expected one warning about writing, got $c"
[ "$out" == "$full" ] || fail "a full disk changed the answer"

begin no-index
R=$root/r
project "$R"
ah "$R" -p . --no-index --stats
expect_status 1
[ ! -e "$R/.await-holding" ] || fail "--no-index made an index"
expect_no_err "index:"

begin index-only
ah "$R" -p . --index-only --stats
expect_status 0; [ -z "$out" ] || fail "--index-only printed findings"
expect_parsed 4 4
ah "$R" -p . --stats
expect_parsed 0 4; expect_status 1

begin broken-file
B=$root/b
project "$B"
printf 'int broken( {\n' >"$B/src/broken.cpp"
project_files=(src/broken.cpp src/plain.cpp src/queue.cpp src/relay.cpp src/worker.cpp)
cp -r "$B/src/broken.cpp" "$root/broken.cpp"
project "$B" "${project_files[@]}"
cp "$root/broken.cpp" "$B/src/broken.cpp"
ah "$B" -p . --index-only
expect_status 3; expect_err "broken.cpp:1:"; [ -z "$out" ] || fail "--index-only printed findings"
# its errors come back from the index, with the findings of the others
ah "$B" -p . --stats
expect_status 3; expect_err "broken.cpp:1:"; expect_parsed 0 5
expect_count 2 "warning: 'lk' of type"
# a file of the database checked alone is not blamed for another's errors
ah "$B" -p . src/worker.cpp
expect_status 1; expect_no_err "broken.cpp"

# ---- shards --------------------------------------------------------------------
begin shards
S=$root/s
project "$S"
for k in 1 2 3; do
  ah "$S" -p . --shard "$k/3" --index-dir "$root/shard$k" --stats
  expect_status 0; [ -z "$out" ] || fail "a shard printed findings"
done
total=0
for k in 1 2 3; do
  c=$(ls "$root/shard$k" | grep -c '\.ahi$')
  [ "$c" -ge 1 ] || fail "shard $k indexed nothing"
  total=$((total + c))
done
[ "$total" -eq 4 ] || fail "shards indexed $total files, expected 4"
# the same shards whatever the order of the database
# (entries name their main file in plain text)
shard_files() { for f in plain queue relay worker; do grep -lqF "$1/src/$f.cpp" "$2"/*.ahi && echo $f; done; }
project "$root/s2" src/worker.cpp src/relay.cpp src/plain.cpp src/queue.cpp
for k in 1 2 3; do
  ah "$root/s2" -p . --shard "$k/3" --index-dir "$root/s2shard$k"
  a=$(shard_files "$S" "$root/shard$k"); b=$(shard_files "$root/s2" "$root/s2shard$k")
  [ -n "$a" ] && [ "$a" == "$b" ] || fail "shard $k depends on the order ($a / $b)"
done
ah "$S" -p . --merge-index "$root/shard1" "$root/shard2" "$root/shard3" --index-dir "$root/merged" --stats
expect_status 1
expect_parsed 0 4
expect_err "merged 4 index entries"
merged=$out
# the single-machine run, for comparison
ah "$S" -p . --index-dir "$root/single" --stats
expect_parsed 4 4
[ "$merged" == "$out" ] || fail "merged shards (text) differ from a single run"
for fmt in json sarif; do
  ah "$S" -p . --index-dir "$root/merged" --format=$fmt --stats
  expect_parsed 0 4
  m=$out
  ah "$S" -p . --index-dir "$root/single" --format=$fmt
  [ "$m" == "$out" ] || fail "merged shards ($fmt) differ from a single run"
done
ah "$S" -p . --shard 4/3
expect_status 2; expect_err "--shard"

echo "$n index cases, $fails failure(s)"
[ "$fails" -eq 0 ]
