// verify-args: -std=c++20 -I ../include
//
// The built-in rules match std::lock_guard and friends by qualified name
// (seeing through std's inline namespace), not by their last component: a
// class called lock_guard in another namespace, in a nested namespace
// that happens to be called 'std', or at global scope is not a guard.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

namespace mylib {
template <class M>
class lock_guard {
public:
  explicit lock_guard(M &) {}
  ~lock_guard() {}
};
} // namespace mylib

namespace app::std {
template <class M>
class unique_lock {
public:
  explicit unique_lock(M &) {}
  ~unique_lock() {}
};
} // namespace app::std

template <class M>
class scoped_lock {
public:
  explicit scoped_lock(M &) {}
  ~scoped_lock() {}
};

coro::task<> good_other_namespace() {
  mylib::lock_guard<std::mutex> no_warning_1(m);
  co_await baz();
}

coro::task<> good_nested_namespace_called_std() {
  app::std::unique_lock<std::mutex> no_warning_2(m);
  co_await baz();
}

coro::task<> good_global_namespace() {
  ::scoped_lock<std::mutex> no_warning_3(m);
  co_await baz();
}
