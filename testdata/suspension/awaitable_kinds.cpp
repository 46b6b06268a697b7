// verify-args: -std=c++20 -I ../include
//
// Every kind of awaitable operand suspends: an awaiter with
// await_ready/await_suspend/await_resume, a member operator co_await, a
// free operator co_await, an awaitable kept in a variable (the suspension
// is at the co_await, not where the variable is made), std::suspend_always.
#include "coro_stub.h"
#include "mutex_stub.h"

std::mutex m;

coro::task<> bad_sleep_for() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await coro::sleep_for(10);     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_yield_now() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await coro::yield_now();       // expect-note {{suspended here by co_await}}
}

coro::task<> bad_member_operator_co_await() {
  std::lock_guard<std::mutex> g(m);    // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await coro::member_op_awaitable{}; // expect-note {{suspended here by co_await}}
}

coro::task<> bad_free_operator_co_await() {
  std::lock_guard<std::mutex> g(m);   // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await coro::free_op_awaitable{}; // expect-note {{suspended here by co_await}}
}

coro::task<int> bad_value_awaitable() {
  std::lock_guard<std::mutex> g(m);            // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  int v = co_await coro::value_after_wait(42); // expect-note {{suspended here by co_await}}
  co_return v;
}

coro::task<> bad_awaitable_in_variable() {
  auto timer = coro::sleep_for(5);
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await timer;                   // expect-note {{suspended here by co_await}}
}

coro::task<> bad_suspend_always() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await std::suspend_always{};   // expect-note {{suspended here by co_await}}
}

coro::task<> good_awaitable_made_under_lock_awaited_after() {
  coro::sleep_awaitable timer;
  {
    std::lock_guard<std::mutex> no_warning_1(m);
    timer = coro::sleep_for(5);
  }
  co_await timer;
}
