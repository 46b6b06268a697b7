// verify-args: -std=c++20 -I ../include
//
// SCENARIO 32: a guard passed (by reference, possibly several times, or
// through an alias) into the awaited call is still one guard: one warning
// for it and one note per suspension point, never one per mention.
#include "coro_stub.h"
#include "mutex_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> use(const Guard &g);
coro::task<> use_twice(const Guard &a, const Guard &b);
std::mutex m;

coro::task<> bad_guard_passed_to_awaited_call() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await use(g);                  // expect-note {{suspended here by co_await}}
}

coro::task<> bad_guard_passed_twice() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await use_twice(g, g);         // expect-note {{suspended here by co_await}}
}

coro::task<> bad_guard_and_alias_passed() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  const Guard &r = g;
  co_await use_twice(g, r);         // expect-note {{suspended here by co_await}}
}
