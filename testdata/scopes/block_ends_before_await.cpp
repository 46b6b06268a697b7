// verify-args: -std=c++20 -I ../include
//
// SCENARIO 2 (clippy lock good): a guard whose block closes before the
// co_await is destroyed there and is not held; nor is one made after the
// last co_await.  Also for nested blocks, lambdas, templates and a macro
// that opens its own block.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
int v;

coro::task<int> good_lock_good() {
  {
    std::lock_guard<std::mutex> no_warning_1(m);
    ++v;
  }
  co_await baz();
  std::lock_guard<std::mutex> no_warning_2(m);
  co_return 47;
}

coro::task<> good_nested_blocks() {
  {
    std::unique_lock<std::mutex> no_warning_3(m);
    {
      std::lock_guard<std::mutex> no_warning_4(m);
      ++v;
    }
    ++v;
  }
  co_await baz();
}

coro::task<> good_between_two_awaits() {
  co_await baz();
  {
    std::scoped_lock<std::mutex> no_warning_5(m);
    ++v;
  }
  co_await baz();
}

auto good_in_lambda = [](std::mutex &mu) -> coro::task<> {
  {
    std::lock_guard<std::mutex> no_warning_6(mu);
    ++v;
  }
  co_await baz();
};

template <class M>
coro::task<> good_in_template(M &mu) {
  {
    std::lock_guard<M> no_warning_7(mu);
    ++v;
  }
  co_await baz();
}

#define UNDER_LOCK(mu, stmt)                       \
  {                                                \
    std::lock_guard<std::mutex> no_warning_8(mu); \
    stmt;                                          \
  }

coro::task<> good_macro_block() {
  UNDER_LOCK(m, ++v)
  co_await baz();
}
