// verify-args: -std=c++20 -I ../include
//
// SCENARIOS 9 and 52: co_return is not a suspension point (locals are
// destroyed before final_suspend), so a guard alive at 'co_return expr;'
// is fine unless expr itself contains a co_await.  A coroutine whose only
// coroutine keyword is co_return holds nothing across anything.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<int> fetch();
int compute(int);
std::mutex m;
int shared_value;

coro::task<int> good_co_return_value() {
  std::lock_guard<std::mutex> no_warning_1(m);
  co_return shared_value;
}

coro::task<int> good_co_return_plain_call() {
  std::lock_guard<std::mutex> no_warning_2(m);
  co_return compute(shared_value);
}

coro::task<> good_only_co_return() {
  std::lock_guard<std::mutex> no_warning_3(m);
  ++shared_value;
  co_return;
}

coro::task<> good_early_co_return(bool fast) {
  std::lock_guard<std::mutex> no_warning_4(m);
  if (fast)
    co_return;
  ++shared_value;
}

coro::task<int> bad_co_return_co_await() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_return co_await fetch();       // expect-note {{suspended here by co_await}}
}

coro::task<int> bad_co_await_inside_co_return_expression() {
  std::lock_guard<std::mutex> g(m);       // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_return compute(1 + co_await fetch()); // expect-note {{suspended here by co_await}}
}

auto good_lambda_only_co_return = [](std::mutex &mu) -> coro::task<int> {
  std::lock_guard<std::mutex> no_warning_5(mu);
  co_return shared_value;
};
