// verify-args: -std=c++20 -I ../include
//
// SCENARIO 30: an engaged std::optional<Guard> owns the guard and is
// reported itself (the guard has no name of its own).  Engaged by
// emplace(), by the in_place constructor, or by a value.  In a lambda and
// in a template too.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;
int n;

coro::task<> bad_emplaced() {
  std::optional<std::lock_guard<std::mutex>> g; // expect-warning {{'g' of type 'std::optional<std::lock_guard<std::mutex>>' is held across a suspension point}}
  g.emplace(m);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_in_place() {
  std::optional<std::lock_guard<std::mutex>> g(std::in_place, m); // expect-warning {{'g' of type 'std::optional<std::lock_guard<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                 // expect-note {{suspended here by co_await}}
}

coro::task<> bad_from_value() {
  std::optional<std::unique_lock<std::mutex>> lk = std::unique_lock<std::mutex>(m); // expect-warning {{'lk' of type 'std::optional<std::unique_lock<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                                   // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  std::optional<std::lock_guard<std::mutex>> g(std::in_place, mu); // expect-warning {{'g' of type 'std::optional<std::lock_guard<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                  // expect-note {{suspended here by co_await}}
};

template <class M>
coro::task<> bad_in_template(M &mu) {
  std::optional<std::lock_guard<M>> g; // expect-warning {{'g' of type}}
  g.emplace(mu);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_optional_in_block() {
  {
    std::optional<std::lock_guard<std::mutex>> no_warning_1(std::in_place, m);
    ++n;
  }
  co_await baz();
}
