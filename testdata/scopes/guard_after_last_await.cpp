// verify-args: -std=c++20 -I ../include
//
// A guard declared after the last suspension point is never held across
// one, also when earlier co_awaits exist and when the function goes on
// computing under the lock until it returns.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<int> fetch();
std::mutex m;
int total;

coro::task<int> good_guard_after_awaits() {
  int a = co_await fetch();
  int b = co_await fetch();
  std::lock_guard<std::mutex> no_warning_1(m);
  total += a + b;
  co_return total;
}

coro::task<> good_guard_after_await_in_loop() {
  for (int i = 0; i < 3; ++i)
    total += co_await fetch();
  std::unique_lock<std::mutex> no_warning_2(m);
  ++total;
}
