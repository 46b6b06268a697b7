// verify-args: -std=c++20 -I ../include
//
// SCENARIO 24 (rustc "boxed"): a std::unique_ptr that owns a guard is
// reported; the pointee is held as long as the pointer owns it.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::unique_ptr<std::lock_guard<std::mutex>> make(std::mutex &m);
std::mutex m;

coro::task<> bad_boxed_guard() {
  std::unique_ptr<std::lock_guard<std::mutex>> g = make(m); // expect-warning {{'g' of type 'std::unique_ptr<std::lock_guard<std::mutex>}}
  co_await baz();                                           // expect-note {{suspended here by co_await}}
}

coro::task<> bad_make_unique() {
  auto g = std::make_unique<Guard>(m); // expect-warning {{'g' of type}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

coro::task<> bad_from_new() {
  std::unique_ptr<Guard> g(new Guard(m)); // expect-warning {{'g' of type}}
  co_await baz();                         // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = []() -> coro::task<> {
  auto g = std::make_unique<Guard>(m); // expect-warning {{'g' of type}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
};

coro::task<> good_boxed_guard_in_block() {
  {
    auto no_warning_1 = std::make_unique<Guard>(m);
  }
  co_await baz();
}
