// verify-args: -std=c++20 -I ../include
//
// std::scoped_lock is in the built-in set, with one or several mutexes,
// with class template argument deduction and with std::adopt_lock.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m1, m2;
std::recursive_mutex rm;

coro::task<> bad_two_mutexes() {
  std::scoped_lock<std::mutex, std::mutex> both(m1, m2); // expect-warning {{'both' of type 'std::scoped_lock<std::mutex, std::mutex>' is held across a suspension point}}
  co_await baz();                                        // expect-note {{suspended here by co_await}}
}

coro::task<> bad_two_mutexes_ctad() {
  std::scoped_lock both(m1, m2); // expect-warning {{'both' of type}}
  co_await baz();                // expect-note {{suspended here by co_await}}
}

coro::task<> bad_mixed_mutex_kinds_ctad() {
  std::scoped_lock all(m1, rm); // expect-warning {{'all' of type}}
  co_await baz();               // expect-note {{suspended here by co_await}}
}

coro::task<> bad_adopted() {
  std::lock(m1, m2);
  std::scoped_lock<std::mutex, std::mutex> both(std::adopt_lock, m1, m2); // expect-warning {{'both' of type 'std::scoped_lock<std::mutex, std::mutex>' is held across a suspension point}}
  co_await baz();                                                         // expect-note {{suspended here by co_await}}
}

template <class... Ms>
coro::task<> bad_variadic_template(Ms &...ms) {
  std::scoped_lock<Ms...> all(ms...); // expect-warning {{'all' of type}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
}

coro::task<> good_scoped_lock_in_block() {
  {
    std::scoped_lock no_warning_1(m1, m2);
  }
  co_await baz();
}
