#!/usr/bin/env bash
# The install: "cmake --install" puts everything in its GNU place, the man
# page renders and lists every option of --help (so does the README), the
# CMake package works from a consumer project (the annotations target and
# a check target that fails on findings), and "cpack -G DEB" makes a .deb
# with the right dependencies whose binary runs.
#
#   bash testdata/cli/install.sh path/to/build/await-holding
#
# (The build directory is the binary's: it is installed from there.)
set -u
bin=$(realpath "${1:?usage: install.sh path/to/build/await-holding}")
build=$(dirname "$bin")
[ -f "$build/cmake_install.cmake" ] || { echo "$build is not a build directory"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "cmake --install"; }
for f in bin/await-holding include/await_holding.h share/man/man1/await-holding.1 \
         share/doc/await-holding/README.md share/doc/await-holding/docs/ci.md \
         share/doc/await-holding/docs/rule-packs.md share/doc/await-holding/examples/await-holding.toml \
         share/await-holding/await-holding-matcher.json; do
  [ -f "$prefix/$f" ] || fail "not installed: $f"
done
cfg=$(find "$prefix" -name await_holdingConfig.cmake | head -1)
[ -n "$cfg" ] || fail "no await_holdingConfig.cmake"
"$prefix/bin/await-holding" --version >/dev/null || fail "the installed binary does not run"

# the man page: renders without warnings, "man await-holding" finds it
if command -v man >/dev/null; then
  warn=$(MANWIDTH=80 man -l "$prefix/share/man/man1/await-holding.1" 2>&1 >"$tmp/man.txt")
  [ -z "$warn" ] || fail "man page warnings: $warn"
  MANPATH="$prefix/share/man" man -w await-holding >/dev/null 2>&1 || fail "man await-holding does not find the page"
  man=$(cat "$tmp/man.txt")
else
  man=$(cat "$prefix/share/man/man1/await-holding.1")
fi
# every option of --help is in the man page and in the README
opts=$("$prefix/bin/await-holding" --help | grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | sed 's/^[ ,]*//' | sort -u)
[ "$(wc -l <<<"$opts")" -gt 25 ] || fail "too few options found in --help: $opts"
for o in $opts; do
  grep -qF -- "$o" <<<"$man" || fail "man page lacks $o"
  grep -qF -- "\`$o" "$repo/README.md" || fail "README lacks $o"
done
for k in extends inherit await-holding-invalid-types suspend-functions suspend-macros \
         allowed-awaitables allowed-callees allowed-types lock-functions header-filter exclude; do
  grep -qF -- "$k" <<<"$man" || fail "man page lacks the configuration key $k"
done
for s in 0 1 2 3; do grep -qE "^ +$s +[A-Z]" <<<"$man" || [ ! -f "$tmp/man.txt" ] || fail "man page lacks exit status $s"; done

# the CMake package from a consumer project
if command -v c++ >/dev/null || command -v clang++-22 >/dev/null; then
  cxx=$(command -v clang++-22 || command -v c++)
  mkdir -p "$tmp/consumer"
  cat >"$tmp/consumer/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.16)
project(consumer CXX)
find_package(await_holding 0.1 REQUIRED)
add_library(app STATIC app.cpp)
target_compile_features(app PRIVATE cxx_std_20)
target_include_directories(app PRIVATE "$repo/testdata/include")
target_link_libraries(app PRIVATE await_holding::annotations)
await_holding_add_check(await-holding-check)
CM
  cat >"$tmp/consumer/app.cpp" <<'CPP'
#include <await_holding.h>
#include "coro_stub.h"
struct AWAIT_HOLDING_MUST_NOT_SUSPEND Span { Span(); ~Span(); };
coro::task<> handler() {
  Span s;
  co_await coro::yield_now();
}
CPP
  if cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_CXX_COMPILER="$cxx" \
       -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/consumer.log" 2>&1; then
    cmake --build "$tmp/consumer/build" --target await-holding-check >"$tmp/check.log" 2>&1 \
      && fail "the check target passes with a finding"
    grep -q "app.cpp:5:8: warning: 's' of type 'Span'" "$tmp/check.log" || { cat "$tmp/check.log"; fail "the check target did not report"; }
    sed -i 's/^  Span s;$/  { Span s; }/' "$tmp/consumer/app.cpp"
    cmake --build "$tmp/consumer/build" --target await-holding-check >"$tmp/check.log" 2>&1 \
      || { cat "$tmp/check.log"; fail "the check target fails on clean code"; }
  else
    cat "$tmp/consumer.log"; fail "find_package(await_holding) failed"
  fi
fi

# the Debian package
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
  (cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb" >"$tmp/cpack.log" 2>&1) \
    || { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
  deb=$(ls "$tmp"/deb/*.deb 2>/dev/null | head -1)
  if [ -n "$deb" ]; then
    info=$(dpkg-deb -I "$deb")
    grep -q "Depends:.*libclang1-22" <<<"$info" || fail "the .deb does not depend on libclang1-22: $info"
    grep -q "Depends:.*libcjson1" <<<"$info" || fail "the .deb does not depend on libcjson1"
    dpkg-deb -x "$deb" "$tmp/debroot"
    bin=$(find "$tmp/debroot" -path '*/bin/await-holding' | head -1)
    [ -n "$bin" ] && "$bin" --version >/dev/null || fail "the .deb's binary does not run"
    [ -n "$(find "$tmp/debroot" -name await-holding.1)" ] || fail "no man page in the .deb"
    [ -n "$(find "$tmp/debroot" -name await_holding.h)" ] || fail "no header in the .deb"
    if [ "$(id -u)" -eq 0 ]; then
      dpkg --dry-run -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log"; fail "dpkg would not install the .deb"; }
    fi
  else
    fail "no .deb made"
  fi
fi

[ "$fails" -eq 0 ] && echo "install: ok"
[ "$fails" -eq 0 ]
