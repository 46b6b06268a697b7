// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/tracing.json
//
// A config that lists its own types adds to the built-in set; the
// standard guards stay forbidden.
// FIXME: policy assumption (adds, does not replace), as clippy's
// await_holding_invalid_types adds to await_holding_lock's list.  Change
// this test if the config is meant to replace the built-in set.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "thirdparty_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_builtin_still_applies(otel::Span &span) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  otel::Scope s = span.activate();  // expect-warning {{'s' of type 'otel::Scope' is held across a suspension point}}
  co_await baz();                   // expect-note 2 {{suspended here by co_await}}
}
