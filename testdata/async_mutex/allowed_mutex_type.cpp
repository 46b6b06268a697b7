// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/allowed_mutex.toml
//
// allowed-types may name the mutex rather than the lock
// ("async_simple::coro::SpinLock"): every std lock over it
// (std::unique_lock, std::lock_guard, std::scoped_lock, std::shared_lock)
// is then allowed, in plain functions and templates, and the entry counts
// as used.  A std lock over another mutex is still reported.  Issue 12,
// section 2b.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "spinlock_stub.h"

coro::task<> baz();

using async_simple::coro::SpinLock;

coro::task<> good_scoped(SpinLock &s) {
  auto no_warning_1 = co_await s.coScopedLock();
  co_await baz();
}

coro::task<> good_lock_guard(SpinLock &s) {
  std::lock_guard<SpinLock> no_warning_2(s);
  std::scoped_lock no_warning_3(s);
  co_await baz();
}

template <class M>
coro::task<> good_in_template(M &m) {
  std::unique_lock no_warning_4(m);
  co_await baz();
}

coro::task<> bad_other_mutex(SpinLock &s, std::mutex &m) {
  std::lock_guard<SpinLock> no_warning_5(s);
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

void use(SpinLock &s) { (void)good_in_template(s); }
