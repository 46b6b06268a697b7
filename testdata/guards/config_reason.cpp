// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/tracing.json
//
// SCENARIOS 16, 17, 18: a configured type with a reason gets a
// "reason: ..." note at its declaration; one without a reason gets none,
// also when it is used after the suspension; both configured types in an
// inner block closed before the co_await, and a new one after the last
// co_await, stay silent.
#include "coro_stub.h"
#include "thirdparty_stub.h"

coro::task<int> f();
void use(const otel::Scope &, int);

coro::task<> bad_with_reason(tracing::Span &span) {
  tracing::Entered e = span.enter(); // expect-warning {{'e' of type 'tracing::Entered' is held across a suspension point}}
  // expect-note@-1 {{reason: span guard must not cross a suspension}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_with_reason_auto(tracing::Span &span) {
  auto e = span.enter(); // expect-warning {{'e' of type}}
  // expect-note@-1 {{reason: span guard must not cross a suspension}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_without_reason_used_after(otel::Span &span) {
  otel::Scope x = span.activate(); // expect-warning {{'x' of type 'otel::Scope' is held across a suspension point}}
  auto y = co_await f();           // expect-note {{suspended here by co_await}}
  use(x, y);
}

auto bad_in_lambda = [](tracing::Span &span) -> coro::task<> {
  tracing::Entered e = span.enter(); // expect-warning {{'e' of type 'tracing::Entered' is held across a suspension point}}
  // expect-note@-1 {{reason: span guard must not cross a suspension}}
  co_await f(); // expect-note {{suspended here by co_await}}
};

coro::task<int> good(otel::Span &os, tracing::Span &ts) {
  {
    otel::Scope no_warning_1 = os.activate();
    tracing::Entered no_warning_2 = ts.enter();
  }
  int v = co_await f();
  tracing::Entered no_warning_3 = ts.enter();
  co_return v;
}
