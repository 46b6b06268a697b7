// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/full.json
//
// The example config with all four keys at once: a configured type with a
// reason, a suspend function, an allowed awaitable and an allowed callee.
#include "coro_stub.h"
#include "thirdparty_stub.h"

namespace sched {
void yield();
}

coro::task<> baz();

coro::task<> bad_everything(tracing::Span &span) {
  tracing::Entered e = span.enter(); // expect-warning {{'e' of type 'tracing::Entered' is held across a suspension point}}
  // expect-note@-1 {{reason: span guard must not cross a suspension}}
  co_await coro::ready_awaitable{};
  co_await coro::no_suspend();
  sched::yield(); // expect-note {{suspended here by call to 'sched::yield'}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_only_allowed_suspensions(otel::Span &span) {
  otel::Scope no_warning_1 = span.activate();
  co_await coro::ready_awaitable{};
  co_await coro::no_suspend();
}
