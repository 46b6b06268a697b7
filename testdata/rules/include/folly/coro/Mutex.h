// folly/coro/Mutex.h and folly/coro/SharedMutex.h (stand-in): mutexes
// locked with co_await.  co_scoped_lock() yields a std::unique_lock over
// the coroutine mutex, which may be held across co_await.  As in folly,
// co_lock() and co_scoped_lock() return a LockOperation, a semi-awaitable
// (only viaIfAsync()) that Task's await_transform binds to the executor.
#ifndef AWAIT_HOLDING_RULES_FOLLY_CORO_MUTEX_H
#define AWAIT_HOLDING_RULES_FOLLY_CORO_MUTEX_H

#include "Task.h"

namespace folly {
namespace coro {

class Mutex {
  class ScopedLockAwaiter;
  class LockAwaiter;
  template <typename Awaiter>
  class LockOperation;

public:
  Mutex() noexcept {}
  Mutex(const Mutex &) = delete;
  bool try_lock() noexcept { return true; }
  [[nodiscard]] LockOperation<ScopedLockAwaiter> co_scoped_lock() noexcept;
  [[nodiscard]] LockOperation<LockAwaiter> co_lock() noexcept;
  void unlock() noexcept {}

private:
  using folly_coro_aware_mutex = void;

  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : mutex_(mutex) {}
    bool await_ready() noexcept { return mutex_.try_lock(); }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}

  protected:
    Mutex &mutex_;
  };

  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    std::unique_lock<Mutex> await_resume() noexcept { return std::unique_lock<Mutex>{mutex_, std::adopt_lock}; }
  };

  template <typename Awaiter>
  class LockOperation {
  public:
    explicit LockOperation(Mutex &mutex) noexcept : mutex_(mutex) {}
    Awaiter viaIfAsync(Executor *) const { return Awaiter{mutex_}; }

  private:
    Mutex &mutex_;
  };
};

inline Mutex::LockOperation<Mutex::ScopedLockAwaiter> Mutex::co_scoped_lock() noexcept {
  return LockOperation<ScopedLockAwaiter>{*this};
}
inline Mutex::LockOperation<Mutex::LockAwaiter> Mutex::co_lock() noexcept {
  return LockOperation<LockAwaiter>{*this};
}

// folly/coro/SharedLock.h: the shared-mode RAII lock that
// co_scoped_lock_shared() produces.
template <class Mutex>
class SharedLock {
public:
  SharedLock(Mutex &m, std::adopt_lock_t) noexcept : m_(&m) {}
  SharedLock(SharedLock &&o) noexcept : m_(o.m_) { o.m_ = nullptr; }
  ~SharedLock() {
    if (m_)
      m_->unlock_shared();
  }
  void unlock() noexcept {
    m_->unlock_shared();
    m_ = nullptr;
  }

private:
  Mutex *m_;
};

class SharedMutexFair {
  template <typename Lock>
  class LockAwaiter {
  public:
    explicit LockAwaiter(SharedMutexFair &m) noexcept : m_(m) {}
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<>) noexcept {}
    Lock await_resume() noexcept { return Lock{m_, std::adopt_lock}; }

  private:
    SharedMutexFair &m_;
  };

  template <typename Awaiter>
  class LockOperation {
  public:
    explicit LockOperation(SharedMutexFair &m) noexcept : m_(m) {}
    Awaiter viaIfAsync(Executor *) const { return Awaiter{m_}; }

  private:
    SharedMutexFair &m_;
  };

public:
  [[nodiscard]] LockOperation<LockAwaiter<std::unique_lock<SharedMutexFair>>> co_scoped_lock() noexcept {
    return LockOperation<LockAwaiter<std::unique_lock<SharedMutexFair>>>{*this};
  }
  [[nodiscard]] LockOperation<LockAwaiter<SharedLock<SharedMutexFair>>> co_scoped_lock_shared() noexcept {
    return LockOperation<LockAwaiter<SharedLock<SharedMutexFair>>>{*this};
  }
  void unlock() noexcept {}
  void unlock_shared() noexcept {}

private:
  using folly_coro_aware_mutex = void;
};

using SharedMutex = SharedMutexFair;

} // namespace coro
} // namespace folly

#endif
