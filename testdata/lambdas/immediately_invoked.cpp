// verify-args: -std=c++20 -I ../include
//
// SCENARIO 8 (clippy block_bad): a plain function returning an
// immediately invoked lambda coroutine.  The plain function holds nothing;
// the finding is inside the lambda.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<int> baz();
std::mutex m;

coro::task<int> block_bad() {
  return [&]() -> coro::task<int> {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_return co_await baz();         // expect-note {{suspended here by co_await}}
  }();
}

coro::task<int> block_good() {
  return [&]() -> coro::task<int> {
    int v = co_await baz();
    std::lock_guard<std::mutex> no_warning_1(m);
    co_return v;
  }();
}
