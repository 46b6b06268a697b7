// verify-args: -std=c++20 -I ../include
//
// A structured binding's hidden object owns what it decomposes: a pair
// holding a lock is held like the pair itself, and unlocking through a
// binding releases it.  Binding a reference to a guard we own is an alias.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

using LockAndCount = std::pair<std::unique_lock<std::mutex>, int>;
LockAndCount take(std::mutex &mu);

coro::task<> bad_pair_binding() {
  auto [lk, n] = take(m); // expect-warning {{'[lk, n]' of type}}
  co_await baz();         // expect-note {{suspended here by co_await}}
  (void)n;
}

coro::task<> good_unlocked_through_binding() {
  auto [lk, n] = take(m);
  lk.unlock();
  co_await baz();
  (void)n;
}

coro::task<> good_binding_scope_ends() {
  {
    auto [lk, n] = take(m);
    (void)n;
  }
  co_await baz();
}
