// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/mutex_methods.toml
//
// lock-functions naming member functions: m.lock() ... m.unlock(), the lock
// being the object ('s.mu'), released only by the same object.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
struct S {
  std::mutex mu, other;
};

coro::task<> bad_locked_across(S &s) {
  s.mu.lock();    // expect-warning {{'s.mu' of type 'std::mutex' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
  s.mu.unlock();
}

coro::task<> bad_other_mutex_unlocked(S &s) {
  s.mu.lock();    // expect-warning {{'s.mu' of type 'std::mutex' is held across a suspension point}}
  s.other.unlock();
  co_await baz(); // expect-note {{suspended here by co_await}}
  s.mu.unlock();
}

coro::task<> good_unlocked_first(S &s) {
  s.mu.lock();
  s.mu.unlock();
  co_await baz();
}

coro::task<> good_unlocked_on_every_path(S &s, bool early) {
  s.mu.lock();
  if (early) {
    s.mu.unlock();
    co_await baz();
    co_return;
  }
  s.mu.unlock();
  co_await baz();
}
