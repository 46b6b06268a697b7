// verify-args: -std=c++20 -I ../include
//
// Look-alikes that are not guards: a mutex held as a local, the lock tag
// objects, smart pointers and optionals of ordinary types, a class that is
// merely called Guard, a variable named lock_guard, a default-constructed
// std::mutex wrapper.  None of them is reported, whatever the co_awaits.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m1, m2;

struct Guard {
  int id = 0;
  ~Guard() {}
};

struct Locked {
  std::mutex *m = nullptr; // a pointer to a mutex owns nothing
};

coro::task<> good_local_mutex() {
  std::mutex no_warning_1;
  co_await baz();
}

coro::task<> good_lock_tags() {
  auto no_warning_2 = std::defer_lock;
  std::adopt_lock_t no_warning_3{};
  co_await baz();
}

coro::task<> good_smart_pointers_of_ordinary_types() {
  std::unique_ptr<int> no_warning_4 = std::make_unique<int>(1);
  std::shared_ptr<Guard> no_warning_5 = std::make_shared<Guard>();
  std::optional<int> no_warning_6 = 3;
  co_await baz();
}

coro::task<> good_class_named_guard() {
  Guard no_warning_7;
  co_await baz();
}

coro::task<> good_variable_named_lock_guard() {
  int lock_guard = 0;
  Locked unique_lock{&m1};
  co_await baz();
  ++lock_guard;
}

coro::task<> good_std_lock_without_guard() {
  std::lock(m1, m2);
  m1.unlock();
  m2.unlock();
  co_await baz();
}
