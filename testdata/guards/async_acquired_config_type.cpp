// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/third_party.json
//
// SCENARIO 43: the guard type is checked by type, also when it comes out
// of a co_await (an async-aware acquire).  The acquiring co_await itself
// happens before the guard exists, so it is not listed; a later one is.
// The fix, when the hold is fine, is the config list, not the checker.
#include "coro_stub.h"
#include "thirdparty_stub.h"

coro::task<> f();
int x;

coro::task<> bad_async_acquired_guard(amutex::Mutex &am) {
  auto g = co_await am.lock_guarded(); // expect-warning {{'g' of type}}
  // expect-note@-1 {{reason: release the async mutex before awaiting}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_explicit_type(amutex::Mutex &am) {
  amutex::Guard g = co_await am.lock_guarded(); // expect-warning {{'g' of type 'amutex::Guard' is held across a suspension point}}
  // expect-note@-1 {{reason: release the async mutex before awaiting}}
  ++x;
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_acquire_is_the_last_suspension(amutex::Mutex &am) {
  auto no_warning_1 = co_await am.lock_guarded();
  ++x;
}

coro::task<> good_dropped_before_next_await(amutex::Mutex &am) {
  {
    auto no_warning_2 = co_await am.lock_guarded();
    ++x;
  }
  co_await f();
}
