// verify-args: -std=c++20 -I ../include
//
// cppcoro::async_mutex is locked with co_await lock_async() or
// scoped_lock_async() (producing a cppcoro::async_mutex_lock).  Neither
// cppcoro's own lock type nor a standard guard over async_mutex is a guard
// by default: silent.  (configs/cppcoro_lock.json forbids the lock type:
// cppcoro_lock_forbidden_by_config.cpp.)
// expect-no-diagnostics
#include "async_mutex_stub.h"
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
cppcoro::async_mutex amu;

coro::task<> good_scoped_lock_async() {
  auto no_warning_1 = co_await amu.scoped_lock_async();
  co_await baz();
}

coro::task<> good_explicit_async_mutex_lock() {
  cppcoro::async_mutex_lock no_warning_2 = co_await amu.scoped_lock_async();
  co_await baz();
}

coro::task<> good_std_unique_lock_adopting() {
  co_await amu.lock_async();
  std::unique_lock<cppcoro::async_mutex> no_warning_3(amu, std::adopt_lock);
  co_await baz();
}

coro::task<> good_std_lock_guard_adopting() {
  co_await amu.lock_async();
  std::lock_guard<cppcoro::async_mutex> no_warning_4(amu, std::adopt_lock);
  co_await baz();
}
