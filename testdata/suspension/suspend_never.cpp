// verify-args: -std=c++20 -I ../include
//
// co_await std::suspend_never{} does not suspend (the std pack lists it
// in allowed-awaitables); std::suspend_always does.
#include "coro_stub.h"
#include "mutex_stub.h"

std::mutex m;

coro::task<> good_suspend_never() {
  std::lock_guard<std::mutex> no_warning_1(m);
  co_await std::suspend_never{};
}

coro::task<> bad_suspend_always() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await std::suspend_never{};
  co_await std::suspend_always{};   // expect-note {{suspended here by co_await}}
}
