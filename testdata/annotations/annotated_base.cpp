// verify-args: -std=c++20 -I ../include
//
// SCENARIO 27 (rustc "implementer of"): a class derived (directly or not)
// from an annotated class is forbidden too.
#include "coro_stub.h"

struct [[clang::annotate("await_holding::must_not_suspend")]] ScopeBase {
  virtual ~ScopeBase() {}
};

struct RequestScope : ScopeBase {};
struct NestedScope : RequestScope {};

coro::task<> f();

coro::task<> bad_derived() {
  RequestScope s; // expect-warning {{'s' of type 'RequestScope' is held across a suspension point}}
  co_await f();   // expect-note {{suspended here by co_await}}
}

coro::task<> bad_indirectly_derived() {
  NestedScope s; // expect-warning {{'s' of type 'NestedScope' is held across a suspension point}}
  co_await f();  // expect-note {{suspended here by co_await}}
}

coro::task<> good_derived_in_block() {
  {
    RequestScope no_warning_1;
  }
  co_await f();
}
