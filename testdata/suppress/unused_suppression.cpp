// verify-args: -std=c++20 -I ../include
//
// SCENARIO 49, second half (Rust #[expect] semantics): a suppression that
// names this check explicitly but silences nothing is reported, so stale
// suppressions do not pile up.  A bare suppression comment is shared with
// other tools and is never reported.
// FIXME: the message text is a proposal ("... suppresses nothing"); adjust
// the markers when the checker's wording is settled.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
std::mutex m;

coro::task<> stale_on_declaration() {
  {
    std::lock_guard<std::mutex> g(m); // NOLINT(await-holding)
    // expect-warning@-1 {{suppresses nothing}}
  }
  co_await a();
}

coro::task<> stale_next_line() {
  // NOLINTNEXTLINE(await-holding)
  int x = 0;
  // expect-warning@-2 {{suppresses nothing}}
  co_await a();
  (void)x;
}

coro::task<> bare_is_never_reported() {
  int y = 0; // NOLINT
  co_await a();
  (void)y;
}
