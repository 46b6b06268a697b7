// verify-args: -std=c++20 -I ../include
//
// Loops: a guard declared in the body before a co_await of the same
// iteration is held there; a guard declared before the loop is held at
// every co_await in it.  A guard declared after the co_await in the body
// is destroyed at the end of the iteration, before the next co_await.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
bool more();
std::mutex m;
int n;

coro::task<> bad_guard_in_for_body() {
  for (int i = 0; i < 3; ++i) {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_guard_in_while_body() {
  while (more()) {
    std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await baz();                     // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_guard_before_loop() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  while (more()) {
    co_await baz(); // expect-note {{suspended here by co_await}}
  }
}

coro::task<> good_guard_after_await_in_body() {
  for (int i = 0; i < 3; ++i) {
    co_await baz();
    std::lock_guard<std::mutex> no_warning_1(m);
    ++n;
  }
}

coro::task<> good_guard_in_inner_block_of_body() {
  while (more()) {
    {
      std::lock_guard<std::mutex> no_warning_2(m);
      ++n;
    }
    co_await baz();
  }
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  for (int i = 0; i < 3; ++i) {
    std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                    // expect-note {{suspended here by co_await}}
  }
};
