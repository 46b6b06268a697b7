// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/tracing.json
//
// SCENARIO 19 (clippy "async block"): a coroutine lambda holding a
// configured type is reported, with the configured reason.
#include "coro_stub.h"
#include "thirdparty_stub.h"

coro::task<> f();
void spawn(coro::task<> t);

void bad_span_in_lambda(tracing::Span &span) {
  spawn([&]() -> coro::task<> {
    tracing::Entered e = span.enter(); // expect-warning {{'e' of type 'tracing::Entered' is held across a suspension point}}
    // expect-note@-1 {{reason: span guard must not cross a suspension}}
    co_await f(); // expect-note {{suspended here by co_await}}
  }());
}

void bad_scope_in_lambda(otel::Span &span) {
  auto job = [&]() -> coro::task<> {
    otel::Scope s = span.activate(); // expect-warning {{'s' of type 'otel::Scope' is held across a suspension point}}
    co_await f();                    // expect-note {{suspended here by co_await}}
  };
  spawn(job());
}

void good_span_closed_in_lambda(tracing::Span &span) {
  spawn([&]() -> coro::task<> {
    {
      tracing::Entered no_warning_1 = span.enter();
    }
    co_await f();
  }());
}
