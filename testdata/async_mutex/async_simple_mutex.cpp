// verify-args: -std=c++20 -I ../include
//
// async_simple::coro::Mutex is locked by co_await (coLock(), lock(),
// coScopedLock() returning Lazy<std::unique_lock<Mutex>>).  A standard
// guard over it blocks other coroutines, not the thread, and may be held
// across a suspension point: silent.  The same guard over std::mutex in
// the same coroutine is still reported.
#include "async_mutex_stub.h"
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
async_simple::coro::Mutex amu;
std::mutex m;

coro::task<> good_scoped_lock_result() {
  auto no_warning_1 = co_await amu.coScopedLock();
  co_await baz();
}

coro::task<> good_explicit_unique_lock_result() {
  std::unique_lock<async_simple::coro::Mutex> no_warning_2 = co_await amu.coScopedLock();
  co_await baz();
}

coro::task<> good_adopted_after_co_lock() {
  co_await amu.coLock();
  std::unique_lock<async_simple::coro::Mutex> no_warning_3(amu, std::adopt_lock);
  co_await baz();
}

coro::task<> good_lock_guard_after_awaited_lock() {
  co_await amu.lock();
  std::lock_guard<async_simple::coro::Mutex> no_warning_4(amu, std::adopt_lock);
  co_await baz();
}

coro::task<> bad_std_mutex_next_to_async_one() {
  auto no_warning_5 = co_await amu.coScopedLock();
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
}

template <class AsyncMutex>
coro::task<> good_in_template(AsyncMutex &mu) {
  auto no_warning_6 = co_await mu.coScopedLock();
  co_await baz();
}

void instantiate() { (void)good_in_template(amu); }
