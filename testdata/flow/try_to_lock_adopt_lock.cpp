// verify-args: -std=c++20 -I ../include
//
// std::try_to_lock and std::adopt_lock count as held: try_to_lock may
// succeed, and adopt_lock takes over a lock that is already held.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
int n;

coro::task<> bad_try_to_lock() {
  std::unique_lock<std::mutex> lk(m, std::try_to_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                                       // expect-note {{suspended here by co_await}}
}

coro::task<> bad_try_to_lock_checked() {
  std::unique_lock<std::mutex> lk(m, std::try_to_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (lk.owns_lock())
    ++n;
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_adopt_lock_guard() {
  m.lock();
  std::lock_guard<std::mutex> g(m, std::adopt_lock); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                                    // expect-note {{suspended here by co_await}}
}

coro::task<> bad_adopt_unique_lock() {
  m.lock();
  std::unique_lock<std::mutex> lk(m, std::adopt_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                                      // expect-note {{suspended here by co_await}}
}

coro::task<> good_adopted_and_unlocked() {
  m.lock();
  std::unique_lock<std::mutex> no_warning_1(m, std::adopt_lock);
  no_warning_1.unlock();
  co_await baz();
}
