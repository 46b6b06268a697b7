// verify-args: -std=c++20 -I ../include
//
// Path sensitivity.  Released on one branch only: still held on the other,
// reported.  SCENARIO 38 (#9208): released on every branch before that
// branch's own co_await: silent.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m;
int n;

coro::task<> bad_unlock_only_on_then(bool c) {
  std::unique_lock<std::mutex> l(m); // expect-warning {{'l' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (c)
    l.unlock();
  co_await a(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_unlock_on_every_branch(bool hit) {
  std::unique_lock<std::mutex> no_warning_1(m);
  if (hit) {
    no_warning_1.unlock();
    co_await a();
  } else {
    no_warning_1.unlock();
    co_await b();
  }
}

coro::task<> good_unlock_on_every_branch_then_await(bool c) {
  std::unique_lock<std::mutex> no_warning_2(m);
  if (c) {
    ++n;
    no_warning_2.unlock();
  } else {
    no_warning_2.unlock();
  }
  co_await a();
}

coro::task<> bad_one_branch_awaits_first(bool hit) {
  std::unique_lock<std::mutex> l(m); // expect-warning {{'l' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (hit) {
    l.unlock();
    co_await a();
  } else {
    co_await b(); // expect-note {{suspended here by co_await}}
    l.unlock();
  }
}

template <class M>
coro::task<> good_every_branch_in_template(M &mu, bool hit) {
  std::unique_lock<M> no_warning_3(mu);
  if (hit) {
    no_warning_3.unlock();
    co_await a();
  } else {
    no_warning_3.unlock();
    co_await b();
  }
}
