// verify-args: -std=c++20 -I ../include
//
// unique_lock::release() / shared_lock::release() disassociate the mutex:
// the lock object owns nothing afterwards.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
std::shared_mutex rw;

coro::task<> good_released_then_unlocked() {
  std::unique_lock<std::mutex> no_warning_1(m);
  std::mutex *raw = no_warning_1.release();
  raw->unlock();
  co_await baz();
}

coro::task<> good_shared_released_then_unlocked() {
  std::shared_lock<std::shared_mutex> no_warning_2(rw);
  no_warning_2.release()->unlock_shared();
  co_await baz();
}

coro::task<> good_released_left_locked() {
  // FIXME: the mutex itself stays locked across the co_await; only guard
  // objects are tracked, not the raw mutex handed out by release().
  std::unique_lock<std::mutex> no_warning_3(m);
  (void)no_warning_3.release();
  co_await baz();
}

coro::task<> bad_release_after_await() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
  lk.release()->unlock();
}
