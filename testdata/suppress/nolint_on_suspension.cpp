// verify-args: -std=c++20 -I ../include
//
// A suppression comment on a suspension point's line silences that
// suspension point: a guard held only across silenced points gets no
// warning; one held across another point too is reported with the
// remaining notes only.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m;

coro::task<> good_only_suspension_silenced() {
  std::lock_guard<std::mutex> g(m);
  co_await a(); // NOLINT(await-holding)
}

coro::task<> good_all_suspensions_silenced() {
  std::lock_guard<std::mutex> g(m);
  co_await a(); // NOLINT(await-holding)
  co_await b(); // NOLINT
}

coro::task<> bad_other_suspension_remains() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a(); // NOLINT(await-holding)
  co_await b(); // expect-note {{suspended here by co_await}}
}
