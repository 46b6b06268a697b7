// verify-args: -std=c++20 -I ../include
//
// A lock constructed with std::defer_lock owns nothing until lock() (or
// std::lock on it): suspension points before that are not listed.  The
// warning stays at the declaration.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m1, m2;
std::shared_mutex rw;
int n;

coro::task<> good_deferred_never_locked() {
  std::unique_lock<std::mutex> no_warning_1(m1, std::defer_lock);
  co_await a();
}

coro::task<> good_deferred_shared_lock_never_locked() {
  std::shared_lock<std::shared_mutex> no_warning_2(rw, std::defer_lock);
  co_await a();
}

coro::task<> bad_deferred_then_locked() {
  std::unique_lock<std::mutex> lk(m1, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await a();
  lk.lock();
  co_await b(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_deferred_locked_and_unlocked() {
  std::unique_lock<std::mutex> no_warning_3(m1, std::defer_lock);
  no_warning_3.lock();
  ++n;
  no_warning_3.unlock();
  co_await a();
}

coro::task<> bad_deferred_locked_by_std_lock() {
  // std::lock locks both through their references.
  std::unique_lock<std::mutex> l1(m1, std::defer_lock); // expect-warning {{'l1' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  std::unique_lock<std::mutex> l2(m2, std::defer_lock); // expect-warning {{'l2' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  std::lock(l1, l2);
  co_await a(); // expect-note 2 {{suspended here by co_await}}
}

template <class M>
coro::task<> good_deferred_in_template(M &mu) {
  std::unique_lock<M> no_warning_4(mu, std::defer_lock);
  co_await a();
}
