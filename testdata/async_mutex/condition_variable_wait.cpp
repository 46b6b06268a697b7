// verify-args: -std=c++20 -I ../include
//
// The condition-variable protocol (async_simple's coro/ConditionVariable.h
// and Latch.h): under 'auto lk = co_await mutex_.coScopedLock()' the mutex
// itself is handed to a coroutine, cv.wait(mutex_, pred), whose awaiter
// adopts it in await_suspend and lets it go before suspending, then takes
// it again by awaiting coLock().  The caller's lk does not hold the mutex
// at any suspension inside wait(): not reported.  A wait() whose awaiter
// keeps the lock, one that suspends before letting go, and a guard over
// another mutex than the one handed over are reported.  Issue 12,
// section 1.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "spinlock_stub.h"

coro::task<> baz();

using async_simple::coro::Lazy;
using async_simple::coro::SpinLock;

namespace cvlib {
template <class Lock> class Awaiter; // declared before its definition

template <class Lock> class ConditionVariable {
public:
  void notify() noexcept {}
  template <class Pred> Lazy<> wait(Lock &lock, Pred &&pred) noexcept;
  template <class Pred> Lazy<> wait_keeping(Lock &lock, Pred &&pred) noexcept;
  template <class Pred> Lazy<> wait_late(Lock &lock, Pred &&pred) noexcept;
};

// await_suspend adopts the lock and unlocks it at its end.
template <class Lock> class Awaiter {
public:
  Awaiter(ConditionVariable<Lock> *cv, Lock &lock) noexcept
      : _cv(cv), _lock(lock) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept {
    _h = h;
    std::unique_lock<Lock> lock{_lock, std::adopt_lock};
  }
  void await_resume() const noexcept {}
  ConditionVariable<Lock> *_cv;
  Lock &_lock;
  std::coroutine_handle<> _h;
};

// await_suspend leaves the lock alone.
template <class Lock> class KeepingAwaiter {
public:
  KeepingAwaiter(Lock &lock) noexcept : _lock(lock) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { _h = h; }
  void await_resume() const noexcept {}
  Lock &_lock;
  std::coroutine_handle<> _h;
};

template <class Lock>
template <class Pred>
Lazy<> ConditionVariable<Lock>::wait(Lock &lock, Pred &&pred) noexcept {
  while (!pred()) {
    co_await Awaiter<Lock>{this, lock};
    co_await lock.coLock();
  }
  co_return;
}

template <class Lock>
template <class Pred>
Lazy<> ConditionVariable<Lock>::wait_keeping(Lock &lock, Pred &&pred) noexcept {
  while (!pred())
    co_await KeepingAwaiter<Lock>{lock};
}

template <class Lock>
template <class Pred>
Lazy<> ConditionVariable<Lock>::wait_late(Lock &lock, Pred &&pred) noexcept {
  co_await baz();
  while (!pred()) {
    co_await Awaiter<Lock>{this, lock};
    co_await lock.coLock();
  }
}
} // namespace cvlib

class Latch {
public:
  Lazy<> count_down() {
    auto lk = co_await mutex_.coScopedLock();
    count_ -= 1;
    if (!count_)
      cv_.notify();
  }
  Lazy<> wait() {
    auto no_warning_1 = co_await mutex_.coScopedLock();
    co_await cv_.wait(mutex_, [&] { return count_ == 0; });
  }
  Lazy<> wait_guarded() {
    std::unique_lock<SpinLock> no_warning_2(mutex_);
    co_await cv_.wait(mutex_, [&] { return count_ == 0; });
  }
  Lazy<> bad_wait_keeping() {
    auto lk = co_await mutex_.coScopedLock();                        // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await cv_.wait_keeping(mutex_, [&] { return count_ == 0; }); // expect-note {{suspended here by co_await}}
  }
  Lazy<> bad_wait_late() {
    auto lk = co_await mutex_.coScopedLock();                     // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await cv_.wait_late(mutex_, [&] { return count_ == 0; }); // expect-note {{suspended here by co_await}}
  }
  Lazy<> bad_other_mutex() {
    auto lk = co_await other_.coScopedLock();                // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await cv_.wait(mutex_, [&] { return count_ == 0; }); // expect-note {{suspended here by co_await}}
  }
  Lazy<> bad_after_wait() {
    auto lk = co_await mutex_.coScopedLock(); // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await cv_.wait(mutex_, [&] { return count_ == 0; });
    co_await baz();                           // expect-note {{suspended here by co_await}}
  }

private:
  SpinLock mutex_, other_;
  cvlib::ConditionVariable<SpinLock> cv_;
  int count_ = 1;
};

// Not a template: the awaiter unlocks the member it was given; a task
// whose promise wraps every awaiter in its own (async_simple's Lazy
// with await_transform()).
namespace plain {
template <class T = void> struct WrapTask {
  struct promise_type {
    WrapTask get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
    template <class A> struct Wrapper {
      A inner;
      bool await_ready() noexcept { return inner.await_ready(); }
      void await_suspend(std::coroutine_handle<> h) noexcept { inner.await_suspend(h); }
      void await_resume() noexcept { inner.await_resume(); }
    };
    template <class A> Wrapper<A> await_transform(A &&a) noexcept {
      return Wrapper<A>{static_cast<A &&>(a)};
    }
  };
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

struct UnlockingAwaiter {
  UnlockingAwaiter(SpinLock &m) noexcept : m_(m) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept { m_.unlock(); }
  void await_resume() const noexcept {}
  SpinLock &m_;
};

struct MaybeUnlockingAwaiter {
  MaybeUnlockingAwaiter(SpinLock &m, bool b) noexcept : m_(m), b_(b) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {
    if (b_)
      m_.unlock();
  }
  void await_resume() const noexcept {}
  SpinLock &m_;
  bool b_;
};

WrapTask<> wait(SpinLock &m) {
  co_await UnlockingAwaiter{m};
  co_await m.coLock();
}

WrapTask<> wait_maybe(SpinLock &m, bool b) {
  co_await MaybeUnlockingAwaiter{m, b};
  co_await m.coLock();
}

// Lets the mutex go, and yields again once it has it back.
WrapTask<> wait_then_yield(SpinLock &m) {
  co_await UnlockingAwaiter{m};
  co_await m.coLock();
  co_await baz();
}

// Hands the mutex on to wait(): lets it go as wait() does.
WrapTask<> forward(SpinLock &m) { co_await wait(m); }

struct Queue {
  SpinLock mu;
  WrapTask<> pop() {
    std::unique_lock<SpinLock> no_warning_3(mu);
    co_await wait(mu);
    co_await forward(mu);
  }
  WrapTask<> bad_pop_maybe(bool b) {
    std::unique_lock<SpinLock> lk(mu); // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await wait_maybe(mu, b);        // expect-note {{suspended here by co_await}}
  }
  WrapTask<> bad_pop_then_yield() {
    std::unique_lock<SpinLock> lk(mu); // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await wait_then_yield(mu);      // expect-note {{suspended here by co_await}}
  }
};
} // namespace plain
