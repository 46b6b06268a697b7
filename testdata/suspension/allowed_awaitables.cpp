// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/allowed.json
//
// allowed-awaitables: a co_await whose operand has a listed type
// (coro::ready_awaitable) is not a suspension point, whether the operand
// is a temporary, a variable or a call's result.  Other co_awaits in the
// same coroutine still are.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::ready_awaitable cached();
std::mutex m;

coro::task<> good_ready_temporary() {
  std::lock_guard<std::mutex> no_warning_1(m);
  co_await coro::ready_awaitable{};
}

coro::task<> good_ready_variable() {
  coro::ready_awaitable r;
  std::lock_guard<std::mutex> no_warning_2(m);
  co_await r;
}

coro::task<> good_ready_call_result() {
  std::lock_guard<std::mutex> no_warning_3(m);
  co_await cached();
}

coro::task<> bad_other_awaitable_still_suspends() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await coro::ready_awaitable{};
  co_await coro::yield_now();       // expect-note {{suspended here by co_await}}
}
