// verify-args: -std=c++20 -I ../include
//
// lock() (or a successful-looking try_lock()) after unlock() holds the
// lock again: suspension points after it are listed, those between the
// unlock and the re-lock are not.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m;
int n;

coro::task<> bad_relocked_before_await() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk.unlock();
  co_await a();
  lk.lock();
  co_await b(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_try_lock_again() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk.unlock();
  co_await a();
  if (lk.try_lock())
    ++n;
  co_await b(); // expect-note {{suspended here by co_await}}
}

template <class M>
coro::task<> bad_relocked_in_template(M &mu) {
  std::unique_lock<M> lk(mu); // expect-warning {{'lk' of type}}
  lk.unlock();
  co_await a();
  lk.lock();
  co_await b(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_relocked_after_last_await() {
  std::unique_lock<std::mutex> no_warning_1(m);
  no_warning_1.unlock();
  co_await a();
  no_warning_1.lock();
  ++n;
}
