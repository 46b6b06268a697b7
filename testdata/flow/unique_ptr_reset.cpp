// verify-args: -std=c++20 -I ../include
//
// std::unique_ptr<Guard>: reset(), '= nullptr', and 'delete p.release()'
// destroy the guard before the co_await.  reset(new Guard) makes it own a
// guard again.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::mutex m;

coro::task<> good_reset() {
  auto no_warning_1 = std::make_unique<Guard>(m);
  no_warning_1.reset();
  co_await baz();
}

coro::task<> good_assigned_nullptr() {
  std::unique_ptr<Guard> no_warning_2 = std::make_unique<Guard>(m);
  no_warning_2 = nullptr;
  co_await baz();
}

coro::task<> good_released_and_deleted() {
  auto no_warning_3 = std::make_unique<Guard>(m);
  delete no_warning_3.release();
  co_await baz();
}

coro::task<> bad_reset_to_new_guard() {
  std::unique_ptr<Guard> p = std::make_unique<Guard>(m); // expect-warning {{'p' of type}}
  p.reset();
  p.reset(new Guard(m));
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_reset_only_in_branch(bool c) {
  auto p = std::make_unique<Guard>(m); // expect-warning {{'p' of type}}
  if (c)
    p.reset();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
