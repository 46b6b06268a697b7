// verify-args: -std=c++20 -I ../include
//
// A guard moved into a lambda's init-capture lives in the closure object.
// Inside the lambda the capture is not a local of the lambda's coroutine
// (not reported there); a closure object kept in a local of a coroutine
// that suspends is reported like a struct with a guard member.
// FIXME: the closure case follows from the member rule
// (wrappers/struct_member.cpp); the printed type of a closure is
// clang's "(lambda at FILE:LINE:COL)", so only the name is matched.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_closure_owns_moved_guard() {
  std::unique_lock<std::mutex> lk(m);
  auto fn = [held = std::move(lk)]() {}; // expect-warning {{'fn' of type}}
  co_await baz();                        // expect-note {{suspended here by co_await}}
  fn();
}

coro::task<> good_closure_ends_before_await() {
  std::unique_lock<std::mutex> lk(m);
  {
    auto no_warning_1 = [held = std::move(lk)]() {};
    no_warning_1();
  }
  co_await baz();
}

void good_capture_is_not_the_lambdas_local() {
  std::unique_lock<std::mutex> lk(m);
  auto job = [held = std::move(lk)]() mutable -> coro::task<> {
    co_await baz();
    held.unlock();
  };
  (void)job;
}
