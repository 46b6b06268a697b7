// verify-config: configs/std_asio.toml
// verify-args: -std=c++20 -I include
//
// The "asio" pack (with "std", whose guards it has none of its own to add
// to): co_await on the this_coro placeholders reads or sets a property of
// the coroutine and never suspends, in standalone Asio and in Boost.Asio.
// Any other co_await in the same coroutine still suspends.
#include "asio/this_coro.hpp"
#include "boost/asio/this_coro.hpp"
#include "std_stub.h"

asio::awaitable<int> read_some();
boost::asio::awaitable<int> boost_read_some();
std::mutex m;

asio::awaitable<void> good_this_coro_under_lock() {
  std::lock_guard<std::mutex> no_warning_1(m);
  auto ex = co_await asio::this_coro::executor;
  auto cs = co_await asio::this_coro::cancellation_state;
  co_await asio::this_coro::reset_cancellation_state();
  co_await asio::this_coro::reset_cancellation_state(1);
  bool t = co_await asio::this_coro::throw_if_cancelled();
  co_await asio::this_coro::throw_if_cancelled(false);
  (void)ex, (void)cs, (void)t;
}

boost::asio::awaitable<void> good_boost_this_coro_under_lock() {
  std::lock_guard<std::mutex> no_warning_2(m);
  auto ex = co_await boost::asio::this_coro::executor;
  auto cs = co_await boost::asio::this_coro::cancellation_state;
  co_await boost::asio::this_coro::reset_cancellation_state();
  co_await boost::asio::this_coro::throw_if_cancelled(true);
  (void)ex, (void)cs;
}

asio::awaitable<void> bad_real_suspension_after_placeholder() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{reason: a blocking lock held across a suspension point}}
  auto ex = co_await asio::this_coro::executor;
  int n = co_await read_some(); // expect-note {{suspended here by co_await}}
  (void)ex, (void)n;
}

boost::asio::awaitable<void> bad_boost_real_suspension() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>'}}
  // expect-note@-1 {{reason: a blocking lock held across a suspension point}}
  co_await boost::asio::this_coro::throw_if_cancelled();
  int n = co_await boost_read_some(); // expect-note {{suspended here by co_await}}
  (void)n;
}
