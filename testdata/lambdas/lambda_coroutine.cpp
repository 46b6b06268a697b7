// verify-args: -std=c++20 -I ../include
//
// A lambda coroutine's own guards are checked like any coroutine's: a
// local lambda, a mutable lambda with captures, a lambda passed straight
// to a function, a lambda coroutine inside another lambda.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
void spawn(coro::task<> t);
std::mutex m;

void bad_local_lambda() {
  auto job = [](std::mutex &mu) -> coro::task<> {
    std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                    // expect-note {{suspended here by co_await}}
  };
  spawn(job(m));
}

void bad_capturing_mutable_lambda() {
  int count = 0;
  auto job = [&, count]() mutable -> coro::task<> {
    std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    ++count;
    co_await baz(); // expect-note {{suspended here by co_await}}
  };
  spawn(job());
}

void bad_lambda_as_argument() {
  spawn([]() -> coro::task<> {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  }());
}

auto bad_lambda_in_lambda = []() {
  return []() -> coro::task<> {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  };
};

void good_lambda_lock_in_block() {
  spawn([]() -> coro::task<> {
    {
      std::lock_guard<std::mutex> no_warning_1(m);
    }
    co_await baz();
  }());
}
