// verify-args: -std=c++20 -I ../include
//
// A guard initialised from a co_await's result does not exist yet while
// that co_await is suspended: it is not held across it.  A later
// suspension point is.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<std::unique_lock<std::mutex>> lock_later();
coro::task<> baz();
int x;

coro::task<> good_guard_is_the_await_result() {
  std::unique_lock<std::mutex> no_warning_1 = co_await lock_later();
  ++x;
}

coro::task<> good_auto_guard_is_the_await_result() {
  auto no_warning_2 = co_await lock_later();
  ++x;
}

coro::task<> bad_guard_from_await_then_await() {
  std::unique_lock<std::mutex> lk = co_await lock_later(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                                          // expect-note {{suspended here by co_await}}
}

coro::task<> bad_assigned_from_await_then_await() {
  std::unique_lock<std::mutex> lk; // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk = co_await lock_later();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
