// verify-args: -std=c++20 -I ../include
//
// A local reference that aliases a reference parameter ('auto &a = lk;'),
// or what a pointer parameter points to ('auto &a = *p;'), or another such
// alias, follows the parameter's policy: the guard is the caller's, and
// the caller is reported at its own co_await of this coroutine.  An alias
// of a by-value parameter is that parameter (one finding, at it); a
// reference to a guard we do not own otherwise is still reported.
// Issue 12, section 2.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::unique_lock<std::mutex> &global_lock();

coro::task<> good_alias_of_reference_parameter(std::unique_lock<std::mutex> &lk) {
  std::unique_lock<std::mutex> &no_warning_1 = lk;
  const auto &no_warning_2 = no_warning_1;
  co_await baz();
}

coro::task<> good_alias_of_pointer_parameter(const std::lock_guard<std::mutex> *p) {
  const std::lock_guard<std::mutex> &no_warning_3 = *p;
  co_await baz();
}

coro::task<> bad_alias_of_by_value_parameter(std::unique_lock<std::mutex> lk) { // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  auto &same = lk;
  co_await baz(); // expect-note {{suspended here by co_await}}
  (void)same;
}

coro::task<> bad_reference_to_call_result() {
  auto &g = global_lock(); // expect-warning {{'g' of type 'std::unique_lock<std::mutex> &' is held across a suspension point}}
  co_await baz();          // expect-note {{suspended here by co_await}}
}
