// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/allowed.json
//
// allowed-callees: a co_await on a call to a listed function
// (coro::no_suspend) is not a suspension point.  The match is on the
// callee, not on the awaitable type: coro::yield_now returns the same type
// and still suspends.
#include "coro_stub.h"
#include "mutex_stub.h"

std::mutex m;

coro::task<> good_allowed_callee() {
  std::lock_guard<std::mutex> no_warning_1(m);
  co_await coro::no_suspend();
}

auto good_allowed_callee_in_lambda = []() -> coro::task<> {
  std::lock_guard<std::mutex> no_warning_2(m);
  co_await coro::no_suspend();
};

coro::task<> bad_same_type_other_callee() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await coro::no_suspend();
  co_await coro::yield_now();       // expect-note {{suspended here by co_await}}
}

coro::task<> bad_allowed_result_awaited_later() {
  // Only a co_await directly on the allowed call is exempt.
  auto aw = coro::no_suspend();
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await aw;                      // expect-note {{suspended here by co_await}}
}
