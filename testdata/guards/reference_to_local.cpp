// verify-args: -std=c++20 -I ../include
//
// A local reference bound to a local guard is an alias: the guard is
// reported once, at its own declaration, and the reference never is.
// (SCENARIO 26 for references to guards that are not locals:
// reference_to_nonlocal.cpp.)
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_guard_with_references() {
  std::unique_lock<std::mutex> lk(m);         // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  auto &no_warning_1 = lk;
  const std::unique_lock<std::mutex> &no_warning_2 = lk;
  std::unique_lock<std::mutex> &&no_warning_3 = static_cast<std::unique_lock<std::mutex> &&>(lk);
  co_await baz();                             // expect-note {{suspended here by co_await}}
  (void)no_warning_1.owns_lock();
  (void)no_warning_2.owns_lock();
  (void)no_warning_3.owns_lock();
}

coro::task<> bad_reference_declared_in_inner_block() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  {
    const auto &no_warning_4 = g;
    co_await baz();                 // expect-note {{suspended here by co_await}}
    (void)no_warning_4;
  }
}

coro::task<> good_reference_to_released_guard() {
  std::unique_lock<std::mutex> lk(m);
  auto &no_warning_5 = lk;
  lk.unlock();
  co_await baz();
  (void)no_warning_5;
}
