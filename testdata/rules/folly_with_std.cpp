// verify-config: configs/std_folly.toml
// verify-args: -std=c++20 -I include
//
// "std" and "folly" together: a std lock over folly::coro::Mutex or
// SharedMutexFair (what co_scoped_lock() returns) is the coroutine-aware
// pattern and stays silent; a std lock over folly::SharedMutex, a blocking
// mutex, is still reported with the std pack's reason.
#include "folly/SharedMutex.h"
#include "folly/coro/Mutex.h"
#include "folly/coro/Task.h"

folly::coro::Task<int> fetch();

folly::coro::Task<> good_coro_mutex(folly::coro::Mutex &m) {
  std::unique_lock<folly::coro::Mutex> no_warning_1 = co_await m.co_scoped_lock();
  co_await fetch();
}

folly::coro::Task<> good_coro_mutex_auto_and_adopted(folly::coro::Mutex &m) {
  auto no_warning_2 = co_await m.co_scoped_lock();
  co_await fetch();
  no_warning_2.unlock();
  co_await m.co_lock();
  std::lock_guard<folly::coro::Mutex> no_warning_3(m, std::adopt_lock);
  co_await fetch();
}

folly::coro::Task<> good_coro_shared_mutex(folly::coro::SharedMutex &m) {
  auto no_warning_4 = co_await m.co_scoped_lock();
  co_await fetch();
}

folly::coro::Task<> bad_blocking_shared_mutex(folly::SharedMutex &m) {
  std::shared_lock<folly::SharedMutex> r(m); // expect-warning {{'r' of type 'std::shared_lock<folly::SharedMutexImpl<false>>' is held across a suspension point}}
  // expect-note@-1 {{reason: a blocking reader lock held across a suspension point stalls writers}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_folly_holder_next_to_coro_lock(folly::coro::Mutex &cm, folly::SharedMutex &m) {
  auto no_warning_5 = co_await cm.co_scoped_lock();
  folly::SharedMutex::WriteHolder w(m); // expect-warning {{'w' of type}}
  // expect-note@-1 {{reason: a folly::SharedMutex writer lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}
