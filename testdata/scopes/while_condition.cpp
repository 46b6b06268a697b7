// verify-args: -std=c++20 -I ../include
//
// SCENARIO 39: a guard inside a plain lambda called in a while condition
// is gone before the body runs (silent), while a guard declared as the
// condition variable lives through the body (reported).  A temporary guard
// in the condition ends with the condition's full-expression.
#include "coro_stub.h"
#include "mutex_stub.h"

struct Source {
  int get();
};

coro::task<> sleep_a_bit();
std::unique_lock<std::mutex> try_take(std::mutex &m);
bool check(const std::lock_guard<std::mutex> &g);
std::mutex m;
Source s;

coro::task<> good_lock_in_condition_lambda() {
  while (auto v = [&] {
           std::lock_guard<std::mutex> no_warning_1(m);
           return s.get();
         }()) {
    co_await sleep_a_bit();
  }
}

coro::task<> good_temporary_guard_in_condition() {
  while (check(std::lock_guard<std::mutex>(m))) {
    co_await sleep_a_bit();
  }
}

coro::task<> bad_condition_variable_guard() {
  while (auto lk = try_take(m)) { // expect-warning {{'lk' of type}}
    co_await sleep_a_bit();       // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_explicit_condition_variable_guard() {
  while (std::unique_lock<std::mutex> lk = try_take(m)) { // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await sleep_a_bit();                              // expect-note {{suspended here by co_await}}
  }
}

coro::task<> good_condition_variable_unlocked_in_body() {
  while (auto no_warning_2 = try_take(m)) {
    no_warning_2.unlock();
    co_await sleep_a_bit();
  }
}
