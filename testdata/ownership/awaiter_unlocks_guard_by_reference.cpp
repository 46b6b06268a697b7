// verify-args: -std=c++20
// verify-config: ../configs/libcoro_lock.toml
//
// A condition wait whose awaiter keeps a reference to the caller's guard
// and lets it go in await_suspend ("co_await cv.wait(lk)": libcoro's
// coro::condition_variable, whose awaiter unlocks m_lock.m_mutex): the
// guard is not held while the caller is suspended there; whoever resumes
// it takes it again.  The awaiter's reference member of the guard's type
// is the guard handed to the call that made it.  An awaiter that only
// looks at the guard, or lets it go on some paths only, holds it; the
// guard is held again at a later suspension.
#include <coroutine>
#include <mutex>

namespace coro {
struct task {
  struct promise_type {
    task get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};

class condition_variable {
public:
  struct awaiter {
    condition_variable &m_cv;
    std::unique_lock<std::mutex> &m_lock;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) noexcept;
    void await_resume() noexcept {}
  };
  struct awaiter_via_mutex {
    condition_variable &m_cv;
    std::unique_lock<std::mutex> &m_lock;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) noexcept;
    void await_resume() noexcept {}
  };
  struct peeking_awaiter {
    condition_variable &m_cv;
    std::unique_lock<std::mutex> &m_lock;
    bool await_ready() const noexcept { return !m_lock.owns_lock(); }
    bool await_suspend(std::coroutine_handle<> h) noexcept { m_cv.m_waiter = h; return true; }
    void await_resume() noexcept {}
  };
  awaiter wait(std::unique_lock<std::mutex> &lk) noexcept { return awaiter{*this, lk}; }
  awaiter_via_mutex wait_via_mutex(std::unique_lock<std::mutex> &lk) noexcept { return awaiter_via_mutex{*this, lk}; }
  peeking_awaiter peek(std::unique_lock<std::mutex> &lk) noexcept { return peeking_awaiter{*this, lk}; }
  std::coroutine_handle<> m_waiter;
};

// Out of line, as in libcoro's src/condition_variable.cpp.
bool condition_variable::awaiter::await_suspend(std::coroutine_handle<> h) noexcept {
  m_cv.m_waiter = h;
  m_lock.unlock();
  return true;
}

bool condition_variable::awaiter_via_mutex::await_suspend(std::coroutine_handle<> h) noexcept {
  m_cv.m_waiter = h;
  m_lock.mutex()->unlock();
  return true;
}
} // namespace coro

// libcoro's shape: the reference lives in a base of the awaiter, and
// await_suspend unlocks the guard's mutex through its member pointer.
namespace lc {
struct mutex {
  void lock() noexcept {}
  void unlock() noexcept {}
};
struct scoped_lock {
  explicit scoped_lock(mutex &m) : m_mutex(&m) {}
  ~scoped_lock() { m_mutex->unlock(); }
  void unlock() { m_mutex->unlock(); }
  mutex *m_mutex;
};
class condition_variable {
public:
  struct awaiter_base {
    condition_variable &m_cv;
    scoped_lock &m_lock;
  };
  struct awaiter : awaiter_base {
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) noexcept {
      m_cv.m_waiter = h;
      m_lock.m_mutex->unlock();
      return true;
    }
    void await_resume() noexcept {}
  };
  struct sometimes_awaiter : awaiter_base {
    bool b;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<> h) noexcept {
      m_cv.m_waiter = h;
      if (b)
        m_lock.m_mutex->unlock();
      return true;
    }
    void await_resume() noexcept {}
  };
  awaiter wait(scoped_lock &lk) noexcept { return awaiter{{*this, lk}}; }
  sometimes_awaiter wait_sometimes(scoped_lock &lk, bool b) noexcept {
    return sometimes_awaiter{{*this, lk}, b};
  }
  std::coroutine_handle<> m_waiter;
};
} // namespace lc

coro::task good_wait(std::mutex &m, coro::condition_variable &cv) {
  std::unique_lock<std::mutex> no_warning_1(m);
  co_await cv.wait(no_warning_1);
}

coro::task good_wait_via_mutex(std::mutex &m, coro::condition_variable &cv) {
  std::unique_lock<std::mutex> no_warning_2(m);
  co_await cv.wait_via_mutex(no_warning_2);
}

coro::task bad_peek(std::mutex &m, coro::condition_variable &cv) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await cv.peek(lk);               // expect-note {{suspended here by co_await}}
}

coro::task good_libcoro_wait(lc::mutex &m, lc::condition_variable &cv) {
  lc::scoped_lock no_warning_3(m);
  co_await cv.wait(no_warning_3);
}

coro::task bad_libcoro_wait_sometimes(lc::mutex &m, lc::condition_variable &cv, bool b) {
  lc::scoped_lock lk(m);            // expect-warning {{'lk' of type 'lc::scoped_lock' is held across a suspension point}}
  co_await cv.wait_sometimes(lk, b); // expect-note {{suspended here by co_await}}
}

coro::task bad_after_wait(std::mutex &m, coro::condition_variable &cv) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await cv.wait(lk);
  co_await cv.peek(lk);               // expect-note {{suspended here by co_await}}
}
