// verify-args: -std=c++20 -I ../include
//
// SCENARIO 45, function level: a begin/end suppression region around a
// whole function silences every guard in it; a region around a few lines
// silences the guards declared and the suspension points inside it.  Code
// after the end of the region is checked again.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m1, m2;

// NOLINTBEGIN(await-holding)
coro::task<> good_whole_function() {
  std::lock_guard<std::mutex> g1(m1);
  std::unique_lock<std::mutex> g2(m2);
  co_await a();
  co_await b();
}
// NOLINTEND(await-holding)

coro::task<> good_region_around_suspension() {
  std::lock_guard<std::mutex> g(m1);
  // NOLINTBEGIN(await-holding)
  co_await a();
  co_await b();
  // NOLINTEND(await-holding)
}

coro::task<> bad_after_region() {
  // NOLINTBEGIN(await-holding)
  std::lock_guard<std::mutex> quiet(m1);
  // NOLINTEND(await-holding)
  std::lock_guard<std::mutex> loud(m2); // expect-warning {{'loud' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a();                         // expect-note {{suspended here by co_await}}
}
