// verify-args: -std=c++20 -I ../include
//
// FIXME: a known false positive (registered WILL_FAIL): a call to a
// function template's specialization uses the template's summary, made
// from its pattern, where 'L &lk' is no guard; the summary of the
// instantiated body (release_any<std::unique_lock<std::mutex>>, which
// unlocks it) is not keyed apart.  Summaries per specialization would
// fix it.  What they would give: no diagnostics.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> tick();

struct BlockingScoped {
  std::mutex m;
  coro::task<std::unique_lock<std::mutex>> scoped();
};

template <class L>
void release_any(L &lk) { lk.unlock(); }

coro::task<> good_released_by_template_callee(BlockingScoped &s) {
  auto no_warning_1 = co_await s.scoped();
  release_any(no_warning_1);
  co_await tick();
}
