// verify-args: -std=c++20 -I ../include
//
// ?: runs one arm: a co_await in either arm may suspend; an unlock in both
// arms always releases, an unlock in one arm only does not.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<int> fetch();
std::mutex m;

coro::task<int> bad_await_in_one_arm(bool c) {
  std::lock_guard<std::mutex> g(m);  // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  int v = c ? co_await fetch() : 0; // expect-note {{suspended here by co_await}}
  co_return v;
}

coro::task<> good_unlock_in_both_arms(bool c) {
  std::unique_lock<std::mutex> no_warning_1(m);
  c ? no_warning_1.unlock() : no_warning_1.unlock();
  co_await baz();
}

coro::task<> bad_unlock_in_one_arm(bool c) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  c ? lk.unlock() : void();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
