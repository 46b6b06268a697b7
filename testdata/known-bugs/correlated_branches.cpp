// verify-args: -std=c++20 -I ../include
//
// FIXME: a known false positive (registered WILL_FAIL): the analysis
// follows control flow but not values, so a lock released under the same
// condition that guards the suspension is still reported as held on the
// path where the condition is false in one test and true in the other.
// What a value-aware analysis would give: expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> good_same_condition(bool drop) {
  std::unique_lock<std::mutex> no_warning_1(m);
  if (drop)
    no_warning_1.unlock();
  if (drop)
    co_await baz();
}
