// verify-args: -std=c++20 -I ../include -I ../../include
//
// The shipped header's macros: a must-not-suspend type and a suspending
// function, with no configuration.
#include "await_holding.h"
#include "coro_stub.h"

struct AWAIT_HOLDING_MUST_NOT_SUSPEND Span {
  ~Span() {}
};

AWAIT_HOLDING_SUSPENDS void fiber_yield();
void helper() { fiber_yield(); }
void not_suspending();

coro::task<> bad_span_across_await() {
  Span s;         // expect-warning {{'s' of type 'Span' is held across a suspension point}}
  co_await coro::yield_now(); // expect-note {{suspended here by co_await}}
}

void bad_span_across_annotated_call() {
  Span s;        // expect-warning {{'s' of type 'Span' is held across a suspension point}}
  fiber_yield(); // expect-note {{suspended here by call to 'fiber_yield'}}
  helper();      // expect-note {{suspended here by call that may suspend (helper -> fiber_yield)}}
}

void good_span_scope_ends() {
  {
    Span no_warning_1;
    not_suspending();
  }
  fiber_yield();
}
