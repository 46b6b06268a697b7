// verify-args: -std=c++20 -I ../include
//
// A do-while body's block ends before its condition is evaluated: a guard
// in the body is not held at a co_await in the condition.  A guard
// declared before the loop is.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<bool> more();
std::mutex m;
int n;

coro::task<> good_guard_in_body_await_in_condition() {
  do {
    std::lock_guard<std::mutex> no_warning_1(m);
    ++n;
  } while (co_await more());
}

coro::task<> bad_guard_before_loop() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  do {
    ++n;
  } while (co_await more()); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_guard_and_await_in_body() {
  do {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  } while (--n > 0);
}
