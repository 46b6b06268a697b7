// verify-args: -std=c++20 -I ../include
//
// SCENARIO 39 (contrast): a guard in an if's init-statement, or an if's
// condition variable, lives through both branches, so a co_await in
// either branch is reported; one after the if is not.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::unique_lock<std::mutex> try_take(std::mutex &m);
bool ready();
std::mutex m;
int n;

coro::task<> bad_if_init_guard() {
  if (std::lock_guard<std::mutex> g(m); ready()) { // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                                // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_if_init_guard_else_branch() {
  if (std::lock_guard<std::mutex> g(m); ready()) { // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    ++n;
  } else {
    co_await baz(); // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_if_condition_variable() {
  if (auto lk = try_take(m)) { // expect-warning {{'lk' of type}}
    co_await baz();            // expect-note {{suspended here by co_await}}
  }
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  if (std::unique_lock<std::mutex> lk(mu); ready()) // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await baz();                                 // expect-note {{suspended here by co_await}}
};

template <class M>
coro::task<> bad_in_template(M &mu) {
  if (std::lock_guard<M> g(mu); ready()) { // expect-warning {{'g' of type}}
    co_await baz();                        // expect-note {{suspended here by co_await}}
  }
}

coro::task<> good_if_init_guard_await_after() {
  if (std::lock_guard<std::mutex> no_warning_1(m); ready()) {
    ++n;
  }
  co_await baz();
}

coro::task<> good_if_init_unlocked_in_branch() {
  if (std::unique_lock<std::mutex> no_warning_2(m); ready()) {
    no_warning_2.unlock();
    co_await baz();
  }
}
