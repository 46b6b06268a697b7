// verify-args: -std=c++20 -I ../include
//
// SCENARIOS 10 and 40 (#90459): std::optional<Guard>::reset() and
// '= std::nullopt' (or assigning an empty optional) destroy the guard;
// emplace() makes it hold again.  Releasing inside the branch that then
// awaits is enough.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
using ULock = std::unique_lock<std::mutex>;
coro::task<> a();
coro::task<> b();
void use(const Guard &);
std::mutex m;

coro::task<> good_reset_before_await() {
  std::optional<Guard> no_warning_1;
  no_warning_1.emplace(m);
  use(*no_warning_1);
  no_warning_1.reset();
  co_await a();
}

coro::task<> good_nullopt_before_await() {
  std::optional<Guard> no_warning_2(std::in_place, m);
  no_warning_2 = std::nullopt;
  co_await a();
}

coro::task<> good_assigned_empty_optional() {
  std::optional<ULock> no_warning_3{ULock(m)};
  no_warning_3 = std::optional<ULock>();
  co_await a();
}

coro::task<> good_reset_in_checked_branch() {
  std::optional<Guard> no_warning_4(std::in_place, m);
  if (no_warning_4.has_value()) {
    no_warning_4.reset();
    co_await a();
  }
}

coro::task<> bad_reset_only_in_branch(bool c) {
  std::optional<Guard> g(std::in_place, m); // expect-warning {{'g' of type}}
  if (c)
    g.reset();
  co_await a(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_emplaced_again() {
  std::optional<Guard> g(std::in_place, m); // expect-warning {{'g' of type}}
  g.reset();
  co_await a();
  g.emplace(m);
  co_await b(); // expect-note {{suspended here by co_await}}
}
