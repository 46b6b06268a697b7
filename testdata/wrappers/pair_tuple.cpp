// verify-args: -std=c++20 -I ../include
//
// SCENARIO 29: std::pair and std::tuple with a guard element own it and
// are reported.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_pair() {
  std::pair<std::lock_guard<std::mutex>, int> p(m, 1); // expect-warning {{'p' of type 'std::pair<std::lock_guard<std::mutex>, int>' is held across a suspension point}}
  co_await baz();                                      // expect-note {{suspended here by co_await}}
}

coro::task<> bad_pair_second() {
  std::pair<int, std::unique_lock<std::mutex>> p(1, std::unique_lock<std::mutex>(m)); // expect-warning {{'p' of type 'std::pair<int, std::unique_lock<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                                     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_tuple() {
  std::tuple<int, std::lock_guard<std::mutex>, char> t(1, m, 'x'); // expect-warning {{'t' of type 'std::tuple<int, std::lock_guard<std::mutex>, char>' is held across a suspension point}}
  co_await baz();                                                  // expect-note {{suspended here by co_await}}
}

coro::task<> good_pair_in_block() {
  {
    std::pair<std::lock_guard<std::mutex>, int> no_warning_1(m, 1);
  }
  co_await baz();
}
