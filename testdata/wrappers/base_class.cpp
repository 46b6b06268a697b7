// verify-args: -std=c++20 -I ../include
//
// SCENARIO 27 (rustc "implementer of"): a class derived from a guard type
// is a guard.  Also behind a std::unique_ptr.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

struct Locked : std::lock_guard<std::mutex> {
  using std::lock_guard<std::mutex>::lock_guard;
  int extra = 0;
};

struct AuditedLock : Locked {
  using Locked::Locked;
};

coro::task<> bad_derived_from_guard() {
  Locked l(m);    // expect-warning {{'l' of type 'Locked' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_indirectly_derived() {
  AuditedLock l(m); // expect-warning {{'l' of type 'AuditedLock' is held across a suspension point}}
  co_await baz();   // expect-note {{suspended here by co_await}}
}

coro::task<> bad_derived_boxed() {
  auto p = std::make_unique<Locked>(m); // expect-warning {{'p' of type}}
  co_await baz();                       // expect-note {{suspended here by co_await}}
}

coro::task<> good_derived_in_block() {
  {
    Locked no_warning_1(m);
  }
  co_await baz();
}
