// verify-args: -std=c++20 -I ../include
//
// SCENARIO 45: a suppression comment naming the check (or a bare one) on
// the guard's declaration line silences that guard, and only that guard.
// A list of checks that includes this one works too.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m1, m2;

coro::task<> good_named() {
  std::lock_guard<std::mutex> g(m1); // NOLINT(await-holding)
  co_await baz();
}

coro::task<> good_bare() {
  std::lock_guard<std::mutex> g(m1); // NOLINT
  co_await baz();
}

coro::task<> good_in_list() {
  std::lock_guard<std::mutex> g(m1); // NOLINT(bugprone-use-after-move, await-holding)
  co_await baz();
}

coro::task<> good_with_reason() {
  std::lock_guard<std::mutex> g(m1); // NOLINT(await-holding): single-threaded executor
  co_await baz();
}

coro::task<> bad_only_that_guard() {
  std::lock_guard<std::mutex> quiet(m1); // NOLINT(await-holding)
  std::lock_guard<std::mutex> loud(m2);  // expect-warning {{'loud' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                        // expect-note {{suspended here by co_await}}
}

coro::task<> good_by_value_parameter(std::unique_lock<std::mutex> lk) { // NOLINT(await-holding)
  co_await baz();
}
