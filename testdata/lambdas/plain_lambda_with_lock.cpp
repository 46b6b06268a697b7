// verify-args: -std=c++20 -I ../include
//
// A plain (non-coroutine) lambda that locks inside and returns is fine,
// also when called in the middle of a coroutine, between co_awaits or in a
// co_await's operand.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<> process(int v);
std::mutex m;
int shared_value;

coro::task<> good_locked_snapshot() {
  auto snapshot = [] {
    std::lock_guard<std::mutex> no_warning_1(m);
    return shared_value;
  };
  co_await baz();
  int v = snapshot();
  co_await process(v);
}

coro::task<> good_lambda_in_operand() {
  co_await process([] {
    std::lock_guard<std::mutex> no_warning_2(m);
    return shared_value;
  }());
}
