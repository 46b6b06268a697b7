// verify-args: -std=c++20 -I ../include
//
// SCENARIO 25 (optional in SCENARIOS.md; rustc reports it): a smart
// pointer whose deleter type is annotated holds that deleter by value, so
// it is reported like any object with an annotated member.
// FIXME: optional behaviour; the deleter is the second template argument,
// not the first.  Drop this file if the checker only looks at the pointee.
#include "coro_stub.h"
#include "utility_stub.h"

struct [[clang::annotate("await_holding::must_not_suspend")]] PinnedDeleter {
  void operator()(int *p) const { delete p; }
};

coro::task<> f();

coro::task<> bad_annotated_deleter() {
  std::unique_ptr<int, PinnedDeleter> p(new int(1)); // expect-warning {{'p' of type}}
  co_await f();                                      // expect-note {{suspended here by co_await}}
}

coro::task<> good_plain_deleter() {
  std::unique_ptr<int> no_warning_1(new int(1));
  co_await f();
}
