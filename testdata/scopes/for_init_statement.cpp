// verify-args: -std=c++20 -I ../include
//
// A guard in a for statement's init-statement lives for the whole loop
// (condition, body, increment) and ends with it.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<bool> more();
std::mutex m;
int n;
int total;

coro::task<> bad_for_init_guard() {
  for (std::unique_lock<std::mutex> lk(m); n > 0; --n) { // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await baz();                                     // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_for_init_guard_await_in_condition() {
  for (std::lock_guard<std::mutex> g(m); co_await more();) { // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    // expect-note@-1 {{suspended here by co_await}}
    ++n;
  }
}

coro::task<> good_for_init_guard_await_after_loop() {
  for (std::lock_guard<std::mutex> no_warning_1(m); n > 0; --n) {
    ++total;
  }
  co_await baz();
}

coro::task<> good_for_init_lock_released_around_await() {
  for (std::unique_lock<std::mutex> no_warning_2(m); n > 0; --n) {
    no_warning_2.unlock();
    co_await baz();
    no_warning_2.lock();
  }
}
