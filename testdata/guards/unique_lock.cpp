// verify-args: -std=c++20 -I ../include
//
// std::unique_lock is in the built-in set, whatever the mutex: a plain
// std::mutex, or the writer side of a std::shared_mutex (SCENARIO 4,
// clippy bad_rw_write).
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
std::shared_mutex rw;

coro::task<> bad_unique_lock() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_rw_write() {
  std::unique_lock<std::shared_mutex> w(rw); // expect-warning {{'w' of type 'std::unique_lock<std::shared_mutex>' is held across a suspension point}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_rw_write_ctad() {
  std::unique_lock w(rw); // expect-warning {{'w' of type}}
  co_await baz();         // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  std::unique_lock<std::mutex> lk(mu); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
};

template <class M>
coro::task<> bad_in_template(M &mu) {
  std::unique_lock<M> lk(mu); // expect-warning {{'lk' of type}}
  co_await baz();             // expect-note {{suspended here by co_await}}
}

coro::task<> good_unique_lock_in_block() {
  {
    std::unique_lock<std::mutex> no_warning_1(m);
  }
  co_await baz();
}
