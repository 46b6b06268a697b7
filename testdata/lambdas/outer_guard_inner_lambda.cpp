// verify-args: -std=c++20 -I ../include
//
// A lambda is its own function: a guard of the enclosing function is not
// held at a co_await inside a lambda body defined there (the lambda runs
// later, or elsewhere).  Only awaiting the lambda's task in the enclosing
// coroutine suspends the enclosing coroutine.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
void spawn(coro::task<> t);
std::mutex m;

void good_plain_function_defines_lambda_coroutine() {
  std::lock_guard<std::mutex> no_warning_1(m);
  auto later = []() -> coro::task<> {
    co_await baz();
  };
  spawn(later());
}

coro::task<> good_coroutine_defines_lambda_coroutine() {
  std::lock_guard<std::mutex> no_warning_2(m);
  spawn([]() -> coro::task<> {
    co_await baz();
  }());
  co_return;
}

coro::task<> bad_enclosing_coroutine_awaits_the_lambda() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  auto inner = []() -> coro::task<> {
    co_await baz();
  };
  co_await inner(); // expect-note {{suspended here by co_await}}
}
