// verify-args: -std=c++20 -I ../include
//
// A local reference is an alias of the guard it is bound to: unlock(),
// lock() or std::move through the reference change the guard's state.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
void consume(std::unique_lock<std::mutex> lk);
std::mutex m;

coro::task<> good_unlocked_through_alias() {
  std::unique_lock<std::mutex> no_warning_1(m);
  auto &r = no_warning_1;
  r.unlock();
  co_await baz();
}

coro::task<> good_moved_through_alias() {
  std::unique_lock<std::mutex> no_warning_2(m);
  auto &r = no_warning_2;
  consume(std::move(r));
  co_await baz();
}

coro::task<> bad_relocked_through_alias() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk.unlock();
  auto &r = lk;
  r.lock();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
