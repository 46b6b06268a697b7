// verify-config: opentelemetry
// verify-args: -std=c++20 -I include
//
// The "opentelemetry" pack: a trace::Scope or a context Token (also in the
// API's nostd::unique_ptr, as RuntimeContext::Attach returns it) alive at
// a suspension point keeps its context on the thread-local stack of the
// thread that suspends.  The API sits in an inline namespace
// (opentelemetry::v1).
#include "opentelemetry/context/runtime_context.h"
#include "opentelemetry/trace/scope.h"
#include "std_stub.h"

namespace otel = opentelemetry;

demo::task<int> rpc();
void log_line();

demo::task<> bad_active_span_across_rpc(otel::trace::Tracer &tracer) {
  auto span = tracer.StartSpan("rpc");
  auto scope = otel::trace::Tracer::WithActiveSpan(span); // expect-warning {{'scope' of type 'opentelemetry::trace::Scope' is held across a suspension point}}
  // expect-note@-1 {{reason: the Scope keeps its span active on a thread-local context stack until it dies}}
  co_await rpc(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_explicit_scope(otel::trace::Tracer &tracer) {
  otel::trace::Scope scope(tracer.StartSpan("rpc")); // expect-warning {{'scope' of type 'opentelemetry::trace::Scope'}}
  // expect-note@-1 {{reason: the Scope keeps its span active}}
  int v = co_await rpc(); // expect-note {{suspended here by co_await}}
  (void)v;
}

demo::task<> bad_attached_token() {
  auto ctx = otel::context::RuntimeContext::GetCurrent().SetValue("tenant", 7);
  auto token = otel::context::RuntimeContext::Attach(ctx); // expect-warning {{'token' of type 'opentelemetry::nostd::unique_ptr<opentelemetry::context::Token>'}}
  // expect-note@-1 {{reason: the Token keeps an attached Context on the thread-local context stack until it dies, so across a suspension point that context leaks into unrelated work on this thread and is detached from whichever thread resumes the coroutine; reset() the pointer}}
  co_await rpc(); // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](otel::trace::Tracer &tracer) -> demo::task<> {
  auto span = tracer.StartSpan("lambda");
  auto scope = otel::trace::Tracer::WithActiveSpan(span); // expect-warning {{'scope' of type 'opentelemetry::trace::Scope'}}
  // expect-note@-1 {{reason: the Scope keeps its span active}}
  co_await demo::yield_now(); // expect-note {{suspended here by co_await}}
};

// The fix: keep the Span across the co_await, not the Scope.
demo::task<> good_scope_closed_before_rpc(otel::trace::Tracer &tracer) {
  auto span = tracer.StartSpan("rpc");
  {
    auto no_warning_1 = otel::trace::Tracer::WithActiveSpan(span);
    log_line();
  }
  int v = co_await rpc();
  auto no_warning_2 = otel::trace::Tracer::WithActiveSpan(span);
  log_line();
  (void)v;
}

demo::task<> good_token_reset_before_suspending() {
  auto no_warning_3 = otel::context::RuntimeContext::Attach(otel::context::RuntimeContext::GetCurrent());
  log_line();
  no_warning_3.reset();
  co_await rpc();
}
