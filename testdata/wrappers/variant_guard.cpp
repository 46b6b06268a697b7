// verify-args: -std=c++20 -I ../include
//
// A std::variant with a guard alternative, holding it, is reported.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_variant_holding_guard() {
  std::variant<std::monostate, std::lock_guard<std::mutex>> v(std::in_place_type<std::lock_guard<std::mutex>>, m); // expect-warning {{'v' of type}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_variant_in_block() {
  {
    std::variant<std::monostate, std::lock_guard<std::mutex>> no_warning_1(std::in_place_type<std::lock_guard<std::mutex>>, m);
  }
  co_await baz();
}
