// verify-args: -std=c++20 -I ../include
//
// A mutex whose lock() is itself a coroutine returning a task (as in a
// drogon-style library) is asynchronous: standard guards over it are not
// guards.
// expect-no-diagnostics
#include "async_mutex_stub.h"
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
drogon_like::AsyncMutex amu;

coro::task<> good_lock_guard_over_task_mutex() {
  co_await amu.lock();
  std::lock_guard<drogon_like::AsyncMutex> no_warning_1(amu, std::adopt_lock);
  co_await baz();
}

coro::task<> good_unique_lock_over_task_mutex() {
  co_await amu.lock();
  std::unique_lock<drogon_like::AsyncMutex> no_warning_2(amu, std::adopt_lock);
  co_await baz();
  no_warning_2.unlock();
  co_await baz();
}
