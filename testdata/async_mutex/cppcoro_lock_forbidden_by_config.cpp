// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/cppcoro_lock.json
//
// A project may forbid an async library's own lock type through the
// config (here cppcoro::async_mutex_lock, with a reason).  Then it is
// reported like any configured type; a standard guard over the async
// mutex is still not a guard.
#include "async_mutex_stub.h"
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
cppcoro::async_mutex amu;

coro::task<> bad_async_mutex_lock_forbidden() {
  cppcoro::async_mutex_lock lk = co_await amu.scoped_lock_async(); // expect-warning {{'lk' of type 'cppcoro::async_mutex_lock' is held across a suspension point}}
  // expect-note@-1 {{reason: other waiters stall while this coroutine is suspended}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_released_before_await() {
  {
    auto no_warning_1 = co_await amu.scoped_lock_async();
  }
  co_await baz();
}

coro::task<> good_std_guard_over_async_mutex() {
  co_await amu.lock_async();
  std::unique_lock<cppcoro::async_mutex> no_warning_2(amu, std::adopt_lock);
  co_await baz();
}
