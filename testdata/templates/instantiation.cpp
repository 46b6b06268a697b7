// verify-args: -std=c++20 -I ../include
//
// SCENARIO 31 (a false negative in rustc): a template whose parameter or
// local has a template-parameter type is reported when the TU
// instantiates it with a guard type; the warning is at the declaration in
// the template and names the guard type.  Instantiated only with ordinary
// types, or not at all: silent.  (libclang does not show implicit
// instantiations; the checker has to find the template arguments.)
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

template <class T>
coro::task<> hold_param(T t) { // expect-warning {{'t' of type}}
  co_await baz();              // expect-note {{suspended here by co_await}}
}

template <class L>
coro::task<> hold_local(std::mutex &mu) {
  L lk(mu);       // expect-warning {{'lk' of type}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

template <class T>
coro::task<> only_ordinary_types(T no_warning_1) {
  co_await baz();
}

template <class T>
coro::task<> never_instantiated(T no_warning_2) {
  co_await baz();
}

template <class T>
coro::task<> instantiated_with_guard_but_released(T no_warning_3) {
  no_warning_3.unlock();
  co_await baz();
}

struct Plain {
  void unlock() {}
};

void instantiate(std::mutex &mu) {
  hold_param(std::unique_lock<std::mutex>(mu));
  hold_param(42);
  hold_local<std::lock_guard<std::mutex>>(mu);
  only_ordinary_types(1);
  only_ordinary_types(2.0);
  instantiated_with_guard_but_released(std::unique_lock<std::mutex>(mu));
  instantiated_with_guard_but_released(Plain{});
}
