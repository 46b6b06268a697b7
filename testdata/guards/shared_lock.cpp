// verify-args: -std=c++20 -I ../include
//
// std::shared_lock (a reader lock) is in the built-in set (SCENARIO 3,
// clippy bad_rw), and SCENARIO 5 (good_rw): the reader and the writer
// lock each in a block closed before the co_await, and a reader lock
// taken after the last co_await, stay silent.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::shared_mutex rw;
int value;

coro::task<> bad_rw() {
  std::shared_lock<std::shared_mutex> r(rw); // expect-warning {{'r' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_rw_ctad() {
  std::shared_lock r(rw); // expect-warning {{'r' of type}}
  co_await baz();         // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](std::shared_mutex &mu) -> coro::task<int> {
  std::shared_lock<std::shared_mutex> r(mu); // expect-warning {{'r' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
  co_return value;
};

template <class SM>
coro::task<> bad_in_template(SM &mu) {
  std::shared_lock<SM> r(mu); // expect-warning {{'r' of type}}
  co_await baz();             // expect-note {{suspended here by co_await}}
}

coro::task<int> good_rw() {
  {
    std::shared_lock<std::shared_mutex> no_warning_1(rw);
    ++value;
  }
  {
    std::unique_lock<std::shared_mutex> no_warning_2(rw);
    ++value;
  }
  co_await baz();
  std::shared_lock<std::shared_mutex> no_warning_3(rw);
  co_return value;
}
