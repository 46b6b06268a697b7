// verify-args: -std=c++20 -I ../include
//
// SCENARIOS 10, 34, 37 (clippy dropped_before_await false positive,
// #6446/#6353/#9683): unlock() before the co_await releases the lock, so
// nothing is held there.  Also through a macro, in a lambda and in a
// template, where the call on a dependent object is only known by its
// name.  Unlocking after the co_await is too late.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
std::shared_mutex rw;

coro::task<> dropped_before_await(int *p) {
  std::unique_lock<std::mutex> no_warning_1(m);
  *p += 1;
  no_warning_1.unlock();
  co_await baz();
}

coro::task<> good_unlock_ctad() {
  std::unique_lock no_warning_2(m);
  no_warning_2.unlock();
  co_await baz();
}

coro::task<> good_shared_lock_unlock() {
  std::shared_lock<std::shared_mutex> no_warning_3(rw);
  no_warning_3.unlock();
  co_await baz();
}

#define UNLOCK(l) (l).unlock()

coro::task<> good_unlock_through_macro() {
  std::unique_lock<std::mutex> no_warning_4(m);
  UNLOCK(no_warning_4);
  co_await baz();
}

auto good_in_lambda = [](std::mutex &mu) -> coro::task<> {
  std::unique_lock<std::mutex> no_warning_5(mu);
  no_warning_5.unlock();
  co_await baz();
};

template <class M>
coro::task<> good_in_template(M &mu) {
  std::unique_lock<M> no_warning_6(mu);
  no_warning_6.unlock();
  co_await baz();
}

coro::task<> bad_unlock_after_await() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
  lk.unlock();
}
