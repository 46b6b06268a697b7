// verify-args: -std=c++20 -I ../include
//
// std::move(g) into a call argument taken by value hands the lock to the
// callee: the local owns nothing afterwards.  Moving only on one branch,
// or after the co_await, leaves it held.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
void consume(std::unique_lock<std::mutex> lk);
std::mutex m;

coro::task<> good_moved_into_plain_call() {
  std::unique_lock<std::mutex> no_warning_1(m);
  consume(std::move(no_warning_1));
  co_await baz();
}

coro::task<> good_moved_into_plain_call_ctad() {
  std::unique_lock no_warning_2(m);
  consume(std::move(no_warning_2));
  co_await baz();
}

template <class M>
coro::task<> good_moved_in_template(M &mu, void (*sink)(std::unique_lock<M>)) {
  std::unique_lock<M> no_warning_3(mu);
  sink(std::move(no_warning_3));
  co_await baz();
}

coro::task<> bad_moved_on_one_branch(bool c) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (c)
    consume(std::move(lk));
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_moved_after_await() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
  consume(std::move(lk));
}
