// verify-args: -std=c++20 -I ../include
//
// SCENARIO 17 with a built-in type: a guard that is used after the
// co_await is certainly alive across it.  Use does not matter either way:
// an unused guard is held just the same.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<int> f();
void use(const std::lock_guard<std::mutex> &, int);
std::mutex m;

coro::task<> bad_used_after() {
  std::lock_guard<std::mutex> x(m); // expect-warning {{'x' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  auto y = co_await f();            // expect-note {{suspended here by co_await}}
  use(x, y);
}

coro::task<> bad_never_used() {
  std::lock_guard<std::mutex> x(m); // expect-warning {{'x' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await f();                     // expect-note {{suspended here by co_await}}
}
