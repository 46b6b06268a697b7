// verify-args: -std=c++20 -I ../include
//
// An awaiter that takes the caller's lock and releases it in
// await_suspend, before the coroutine suspends (concurrencpp's
// async_lock::lock_impl and async_lock_awaiter): neither the local lock
// nor the awaiter temporary holds it at that suspension.  An awaiter
// that keeps the lock past await_suspend is reported, as is a local that
// the awaiter does not take.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

struct async_lock;

class async_lock_awaiter {
  async_lock &m_parent;
  std::unique_lock<std::mutex> m_lock;

public:
  async_lock_awaiter(async_lock &parent, std::unique_lock<std::mutex> &lock) noexcept
      : m_parent(parent), m_lock(std::move(lock)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> handle);
  void await_resume() const noexcept {}
};

// Keeps the lock while the coroutine is suspended.
class keeping_awaiter {
  std::unique_lock<std::mutex> m_lock;

public:
  explicit keeping_awaiter(std::unique_lock<std::mutex> &lock) noexcept
      : m_lock(std::move(lock)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

// Only looks at the lock.
class peeking_awaiter {
public:
  explicit peeking_awaiter(std::unique_lock<std::mutex> &lock) noexcept { (void)lock; }
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() const noexcept {}
};

struct async_lock {
  std::mutex m_awaiter_lock;
  bool m_locked = false;
  void enqueue(std::coroutine_handle<> h);
  coro::task<> good_lock_impl();
  coro::task<> bad_keeping();
  coro::task<> bad_peeking();
};

void async_lock_awaiter::await_suspend(std::coroutine_handle<> handle) {
  m_parent.enqueue(handle);
  m_lock.unlock();
}

coro::task<> async_lock::good_lock_impl() {
  bool resume_synchronously = true;
  {
    std::unique_lock<std::mutex> no_warning_1(m_awaiter_lock);
    if (m_locked) {
      co_await async_lock_awaiter(*this, no_warning_1);
      resume_synchronously = false;
    } else {
      m_locked = true;
    }
  }
  (void)resume_synchronously;
}

coro::task<> async_lock::bad_keeping() {
  std::unique_lock<std::mutex> lock(m_awaiter_lock);
  co_await keeping_awaiter(lock); // expect-warning {{'(temporary)' of type 'keeping_awaiter' is held across a suspension point}} expect-note {{suspended here by co_await}}
}

coro::task<> async_lock::bad_peeking() {
  std::unique_lock<std::mutex> lock(m_awaiter_lock); // expect-warning {{'lock' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await peeking_awaiter(lock); // expect-note {{suspended here by co_await}}
}
