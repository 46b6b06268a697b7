// verify-args: -std=c++20 -I ../include
//
// A std::shared_ptr that (co-)owns a guard keeps it alive: reported.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::mutex m;

coro::task<> bad_make_shared() {
  std::shared_ptr<std::lock_guard<std::mutex>> g = std::make_shared<std::lock_guard<std::mutex>>(m); // expect-warning {{'g' of type 'std::shared_ptr<std::lock_guard<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                                                  // expect-note {{suspended here by co_await}}
}

coro::task<> bad_auto_make_shared() {
  auto g = std::make_shared<Guard>(m); // expect-warning {{'g' of type}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

coro::task<> good_shared_in_block() {
  {
    auto no_warning_1 = std::make_shared<Guard>(m);
  }
  co_await baz();
}
