// spinlock_stub.h - mutexes with an awaitable lock operation next to a
// blocking one, and one whose blocking lock() is deleted.
//
// async_simple::coro::SpinLock (async_simple/coro/SpinLock.h) has both a
// spinning lock() and an awaitable coLock(); coScopedLock() awaits
// coLock() and returns a std::unique_lock<SpinLock>.  Held across a
// suspension point, that lock makes every other thread that wants it spin
// (lock()) or every other coroutine retry (coLock()): it is a blocking
// lock, wherever it is written (Latch.h, and the templates Semaphore.h and
// SharedMutex.h).
#ifndef AWAIT_HOLDING_TESTDATA_SPINLOCK_STUB_H
#define AWAIT_HOLDING_TESTDATA_SPINLOCK_STUB_H

#include "coro_stub.h"
#include "mutex_stub.h"

namespace async_simple::coro {
template <class T = void>
using Lazy = ::coro::task<T>;

class SpinLock {
public:
  bool tryLock() noexcept { return true; }
  Lazy<> coLock();
  void lock() noexcept {
    while (!tryLock()) {
    }
  }
  void unlock() noexcept {}
  Lazy<std::unique_lock<SpinLock>> coScopedLock();
};
} // namespace async_simple::coro

// A coroutine mutex whose blocking lock() is deleted, and one whose lock()
// is private: std::unique_lock cannot call either, so the only way to lock
// is to await, and a std lock over them is the coroutine-aware use.
namespace colib {
class AwaitOnlyMutex {
public:
  struct LockAwaiter {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    void await_resume() const noexcept {}
  };
  void lock() = delete;
  bool try_lock() noexcept { return true; }
  LockAwaiter lock_async() noexcept { return {}; }
  ::coro::task<std::unique_lock<AwaitOnlyMutex>> scoped_lock_async();
  void unlock() noexcept {}
};

class PrivateLockMutex {
public:
  AwaitOnlyMutex::LockAwaiter coLock() noexcept { return {}; }
  ::coro::task<std::unique_lock<PrivateLockMutex>> coScopedLock();
  bool try_lock() noexcept { return true; }
  void unlock() noexcept {}

private:
  void lock() noexcept {}
};
} // namespace colib

#endif
