// verify-args: -std=c++20 -I ../include
//
// In a function template the guard's type may be dependent
// (std::lock_guard<M>, CTAD on a dependent mutex, auto from a dependent
// constructor call, an alias template).  It is matched by the template's
// name and reported on the template itself, instantiated or not.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
template <class M>
using LG = std::lock_guard<M>;

template <class M>
coro::task<> bad_dependent_lock_guard(M &mu) {
  std::lock_guard<M> g(mu); // expect-warning {{'g' of type}}
  co_await baz();           // expect-note {{suspended here by co_await}}
}

template <class M>
coro::task<> bad_dependent_ctad(M &mu) {
  std::unique_lock lk(mu); // expect-warning {{'lk' of type}}
  co_await baz();          // expect-note {{suspended here by co_await}}
}

template <class M>
coro::task<> bad_dependent_auto(M &mu) {
  auto lk = std::unique_lock<M>(mu); // expect-warning {{'lk' of type}}
  co_await baz();                    // expect-note {{suspended here by co_await}}
}

template <class M>
coro::task<> bad_dependent_alias_template(M &mu) {
  LG<M> g(mu);    // expect-warning {{'g' of type}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

template <class M>
coro::task<> bad_non_dependent_guard_in_template(M &mu, std::mutex &plain) {
  std::lock_guard<std::mutex> g(plain); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                       // expect-note {{suspended here by co_await}}
  (void)mu;
}

template <class M>
coro::task<> good_dependent_guard_in_block(M &mu) {
  {
    std::unique_lock no_warning_1(mu);
  }
  co_await baz();
}

template <class M>
coro::task<> good_dependent_mutex_only(M &mu) {
  M *no_warning_2 = &mu;
  co_await baz();
}
