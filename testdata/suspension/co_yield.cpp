// verify-args: -std=c++20 -I ../include
//
// SCENARIO 35: co_yield suspends the generator, so a guard alive at a
// co_yield is reported with a "co_yield" note.  Copying the value out
// under the lock and yielding after the block is silent.
#include "coro_stub.h"
#include "mutex_stub.h"

std::mutex m;
int shared_value;

coro::generator<int> bad_yield_holding_lock() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_yield shared_value;            // expect-note {{suspended here by co_yield}}
}

coro::generator<int> bad_yield_in_loop_body() {
  for (int i = 0; i < 3; ++i) {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_yield i + shared_value;        // expect-note {{suspended here by co_yield}}
  }
}

coro::generator<int> bad_two_yields() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_yield 1;                         // expect-note {{suspended here by co_yield}}
  co_yield 2;                         // expect-note {{suspended here by co_yield}}
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::generator<int> {
  std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_yield shared_value;             // expect-note {{suspended here by co_yield}}
};

template <class M>
coro::generator<int> bad_in_template(M &mu) {
  std::lock_guard<M> g(mu); // expect-warning {{'g' of type}}
  co_yield shared_value;    // expect-note {{suspended here by co_yield}}
}

coro::generator<int> good_copy_then_yield() {
  for (int i = 0; i < 3; ++i) {
    int v;
    {
      std::lock_guard<std::mutex> no_warning_1(m);
      v = shared_value + i;
    }
    co_yield v;
  }
}

coro::generator<int> good_unlock_before_yield() {
  std::unique_lock<std::mutex> no_warning_2(m);
  int v = shared_value;
  no_warning_2.unlock();
  co_yield v;
}
