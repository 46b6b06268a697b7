// verify-args: -std=c++20 -I ../include
//
// A mutex with a blocking lock() next to its awaitable one (async_simple's
// SpinLock) is a blocking lock: a std lock over it, even one obtained by
// awaiting coScopedLock(), is reported, and the same way in a plain
// function (async_simple's Latch.h), in a class template's member defined
// out of line (Semaphore.h) and in a function template.  A mutex whose
// blocking lock() is deleted or private has no blocking lock: a std lock
// over it is the coroutine-aware use, in templates too.  Issue 12,
// sections 2 and 2b.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "spinlock_stub.h"

coro::task<> baz();

using async_simple::coro::SpinLock;

struct Latch {
  SpinLock mutex_;
  coro::task<> bad_count_down() {
    auto lk = co_await mutex_.coScopedLock(); // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point}}
    co_await baz();                           // expect-note {{suspended here by co_await}}
  }
};

template <int N>
struct Semaphore {
  SpinLock lock_;
  colib::AwaitOnlyMutex await_only_;
  coro::task<> bad_acquire();
  coro::task<> good_await_only();
};

template <int N>
coro::task<> Semaphore<N>::bad_acquire() {
  auto lock = co_await lock_.coScopedLock(); // expect-warning {{'lock' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point in instantiation 'Semaphore<1>::bad_acquire'}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}

template <int N>
coro::task<> Semaphore<N>::good_await_only() {
  auto no_warning_1 = co_await await_only_.scoped_lock_async();
  co_await baz();
}

template <class M>
coro::task<> bad_spin_in_function_template(M &m) {
  auto lk = co_await m.coScopedLock(); // expect-warning {{'lk' of type 'std::unique_lock<async_simple::coro::SpinLock>' is held across a suspension point in instantiation 'bad_spin_in_function_template<async_simple::coro::SpinLock>'}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

coro::task<> good_deleted_lock(colib::AwaitOnlyMutex &m) {
  auto no_warning_2 = co_await m.scoped_lock_async();
  co_await baz();
}

coro::task<> good_private_lock(colib::PrivateLockMutex &m) {
  auto no_warning_3 = co_await m.coScopedLock();
  co_await baz();
}

template <class M>
coro::task<> good_private_lock_in_template(M &m) {
  auto no_warning_4 = co_await m.coScopedLock();
  co_await baz();
}

void use(SpinLock &s, colib::PrivateLockMutex &p) {
  Semaphore<1> sem;
  (void)sem.bad_acquire();
  (void)sem.good_await_only();
  (void)bad_spin_in_function_template(s);
  (void)good_private_lock_in_template(p);
}
