// verify-args: -std=c++20 -I ../include
//
// A temporary guard in a condition is destroyed at the end of the
// condition's full-expression, before the branch runs.  Only a co_await in
// the same condition is reached while it is alive.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<bool> ready();
bool check(const std::lock_guard<std::mutex> &g);
std::mutex m;

coro::task<> good_temporary_in_if_condition() {
  if (check(std::lock_guard<std::mutex>(m))) {
    co_await baz();
  }
}

coro::task<> good_temporary_in_for_condition() {
  for (int i = 0; i < 3 && check(std::lock_guard<std::mutex>(m)); ++i) {
    co_await baz();
  }
}

coro::task<> bad_await_in_same_condition() {
  if (check(std::lock_guard<std::mutex>(m)) && co_await ready()) { // expect-warning {{of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    // expect-note@-1 {{suspended here by co_await}}
    co_await baz();
  }
}
