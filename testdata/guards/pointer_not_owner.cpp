// verify-args: -std=c++20 -I ../include
//
// Policy: a pointer to a guard is never an owner.  The guard it points to
// is reported (once, at its own declaration); the pointer is not, even a
// raw pointer to a heap-allocated guard, and neither is a pointer
// parameter.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_guard_with_pointer_to_it() {
  std::lock_guard<std::mutex> g(m);           // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  std::lock_guard<std::mutex> *no_warning_1 = &g;
  co_await baz();                             // expect-note {{suspended here by co_await}}
  (void)no_warning_1;
}

coro::task<> good_raw_owning_pointer() {
  // FIXME: the mutex really is locked across the co_await here; raw
  // pointers are not tracked as owners (policy: pointers never own).
  auto *no_warning_2 = new std::lock_guard<std::mutex>(m);
  co_await baz();
  delete no_warning_2;
}

coro::task<> good_pointer_parameter(std::unique_lock<std::mutex> *no_warning_3) {
  co_await baz();
  no_warning_3->unlock();
}

coro::task<> good_pointer_to_const_guard(const std::lock_guard<std::mutex> *no_warning_4) {
  co_await baz();
  (void)no_warning_4;
}
