// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/tracing.json
//
// SCENARIO 47, the motivating bug: an OpenTelemetry Scope keeps its span
// on a thread-local stack, so after the co_await the span is "active" on
// whatever thread runs next.  Awaiting through a wrapper that re-activates
// the span around each resumption holds no Scope and is silent.
#include "coro_stub.h"
#include "thirdparty_stub.h"

using opentelemetry::trace::Tracer;

coro::task<> rpc();
void log_line();

coro::task<> bad_active_span_across_rpc(Tracer *tracer) {
  auto &span = tracer->StartSpan("rpc");
  auto scope = tracer->WithActiveSpan(span); // expect-warning {{'scope' of type}}
  co_await rpc();                            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_explicit_type(Tracer *tracer) {
  opentelemetry::trace::Scope scope = Tracer::WithActiveSpan(tracer->StartSpan("rpc")); // expect-warning {{'scope' of type 'opentelemetry::trace::Scope' is held across a suspension point}}
  co_await rpc(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_instrumented(Tracer *tracer) {
  auto &span = tracer->StartSpan("rpc");
  co_await opentelemetry::trace::instrument(rpc(), span);
}

coro::task<> good_scope_closed_before_rpc(Tracer *tracer) {
  {
    auto no_warning_1 = tracer->WithActiveSpan(tracer->StartSpan("prepare"));
    log_line();
  }
  co_await rpc();
}
