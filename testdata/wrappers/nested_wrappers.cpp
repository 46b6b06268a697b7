// verify-args: -std=c++20 -I ../include
//
// Wrappers nest: an optional of a pair, a unique_ptr to a struct with a
// guard member, a struct holding an optional lock.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

struct Conn {
  explicit Conn(std::mutex &mu) : lk(mu) {}
  std::unique_lock<std::mutex> lk;
};

struct Session {
  explicit Session(std::mutex &mu) : lk(std::in_place, mu) {}
  std::optional<std::lock_guard<std::mutex>> lk;
};

coro::task<> bad_optional_of_pair() {
  std::optional<std::pair<std::lock_guard<std::mutex>, int>> o(std::in_place, m, 1); // expect-warning {{'o' of type}}
  co_await baz();                                                                    // expect-note {{suspended here by co_await}}
}

coro::task<> bad_unique_ptr_to_struct() {
  auto p = std::make_unique<Conn>(m); // expect-warning {{'p' of type}}
  co_await baz();                     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_struct_with_optional_member() {
  Session s(m);   // expect-warning {{'s' of type 'Session' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}
