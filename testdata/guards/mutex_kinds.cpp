// verify-args: -std=c++20 -I ../include
//
// The standard guards are guards over any synchronous mutex: the standard
// ones and user types whose lock() returns void or bool (they block the
// thread).  Only a mutex whose lock operation is awaited changes that
// (testdata/async_mutex/).
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

struct Spinlock {
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
};

struct BoolLock {
  bool lock() { return true; }
  void unlock() {}
};

std::recursive_mutex rm;
std::timed_mutex tm;
Spinlock spin;
BoolLock bl;

coro::task<> bad_recursive_mutex() {
  std::lock_guard<std::recursive_mutex> g(rm); // expect-warning {{'g' of type 'std::lock_guard<std::recursive_mutex>' is held across a suspension point}}
  co_await baz();                              // expect-note {{suspended here by co_await}}
}

coro::task<> bad_timed_mutex() {
  std::unique_lock<std::timed_mutex> lk(tm); // expect-warning {{'lk' of type 'std::unique_lock<std::timed_mutex>' is held across a suspension point}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_user_spinlock() {
  std::lock_guard<Spinlock> g(spin); // expect-warning {{'g' of type 'std::lock_guard<Spinlock>' is held across a suspension point}}
  co_await baz();                    // expect-note {{suspended here by co_await}}
}

coro::task<> bad_user_spinlock_unique_lock() {
  std::unique_lock<Spinlock> lk(spin); // expect-warning {{'lk' of type 'std::unique_lock<Spinlock>' is held across a suspension point}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

coro::task<> bad_lock_returning_bool() {
  std::lock_guard<BoolLock> g(bl); // expect-warning {{'g' of type 'std::lock_guard<BoolLock>' is held across a suspension point}}
  co_await baz();                  // expect-note {{suspended here by co_await}}
}

coro::task<> good_spinlock_in_block() {
  {
    std::lock_guard<Spinlock> no_warning_1(spin);
  }
  co_await baz();
}
