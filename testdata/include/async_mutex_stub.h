// async_mutex_stub.h - asynchronous mutexes shaped like those of
// async_simple, cppcoro and a drogon-style task library.  Their lock
// operation is awaited, so a std::unique_lock / std::lock_guard /
// std::scoped_lock / std::shared_lock over one of them may be held across
// a suspension point: it blocks other coroutines, not the thread.
#ifndef AWAIT_HOLDING_TESTDATA_ASYNC_MUTEX_STUB_H
#define AWAIT_HOLDING_TESTDATA_ASYNC_MUTEX_STUB_H

#include "coro_stub.h"
#include "mutex_stub.h"

namespace async_simple::coro {
// async_simple's Lazy is a lazy task, like coro::task.
template <class T = void>
using Lazy = ::coro::task<T>;

class Mutex {
public:
  struct LockAwaiter {
    Mutex &m;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() const noexcept {}
  };
  bool tryLock() noexcept { return true; }
  LockAwaiter coLock() noexcept { return LockAwaiter{*this}; }
  LockAwaiter lock() noexcept { return LockAwaiter{*this}; }
  void unlock() noexcept {}
  Lazy<std::unique_lock<Mutex>> coScopedLock() noexcept;
};

// A shared async mutex: both lock() and lock_shared() are awaited.
class SharedMutex {
public:
  Mutex::LockAwaiter lock() noexcept;
  Mutex::LockAwaiter lock_shared() noexcept;
  void unlock() noexcept {}
  void unlock_shared() noexcept {}
};
} // namespace async_simple::coro

namespace cppcoro {
class async_mutex;

// Owns a lock on an async_mutex; unlocks it on destruction.
class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &m, std::adopt_lock_t) noexcept : m_(&m) {}
  async_mutex_lock(async_mutex_lock &&o) noexcept : m_(o.m_) { o.m_ = nullptr; }
  async_mutex_lock(const async_mutex_lock &) = delete;
  async_mutex_lock &operator=(const async_mutex_lock &) = delete;
  ~async_mutex_lock();

private:
  async_mutex *m_;
};

class async_mutex_lock_operation {
public:
  explicit async_mutex_lock_operation(async_mutex &m) noexcept : m_(m) {}
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
  void await_resume() const noexcept {}

protected:
  async_mutex &m_;
};

class async_mutex_scoped_lock_operation : public async_mutex_lock_operation {
public:
  using async_mutex_lock_operation::async_mutex_lock_operation;
  async_mutex_lock await_resume() const noexcept { return async_mutex_lock(m_, std::adopt_lock); }
};

class async_mutex {
public:
  bool try_lock() noexcept { return true; }
  async_mutex_lock_operation lock_async() noexcept { return async_mutex_lock_operation(*this); }
  async_mutex_scoped_lock_operation scoped_lock_async() noexcept {
    return async_mutex_scoped_lock_operation(*this);
  }
  void unlock() {}
};

inline async_mutex_lock::~async_mutex_lock() {
  if (m_)
    m_->unlock();
}
} // namespace cppcoro

// A task library in the style of drogon: the mutex's lock() is itself a
// coroutine returning a task.
namespace drogon_like {
template <class T = void>
using Task = ::coro::task<T>;

class AsyncMutex {
public:
  Task<> lock();
  bool try_lock() { return true; }
  void unlock() {}
};
} // namespace drogon_like

#endif
