// verify-args: -std=c++20 -I ../include
//
// A guard is recognised through its canonical type, however it is
// spelled: a using-alias, a typedef, an alias template, auto,
// decltype(auto), class template argument deduction.  The printed type
// may be the alias spelling, so only the name is matched here.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

using Guard = std::lock_guard<std::mutex>;
typedef std::unique_lock<std::mutex> ULock;
template <class M>
using LG = std::lock_guard<M>;

std::unique_lock<std::mutex> take_lock();

coro::task<> bad_using_alias() {
  Guard g(m);     // expect-warning {{'g' of type}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_typedef() {
  ULock lk(m);    // expect-warning {{'lk' of type}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_alias_template() {
  LG<std::mutex> g(m); // expect-warning {{'g' of type}}
  co_await baz();      // expect-note {{suspended here by co_await}}
}

coro::task<> bad_auto_from_constructor() {
  auto lk = std::unique_lock<std::mutex>(m); // expect-warning {{'lk' of type}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_auto_from_function() {
  auto lk = take_lock(); // expect-warning {{'lk' of type}}
  co_await baz();        // expect-note {{suspended here by co_await}}
}

coro::task<> bad_decltype_auto() {
  decltype(auto) lk = take_lock(); // expect-warning {{'lk' of type}}
  co_await baz();                  // expect-note {{suspended here by co_await}}
}

coro::task<> bad_ctad() {
  std::unique_lock lk(m); // expect-warning {{'lk' of type}}
  co_await baz();         // expect-note {{suspended here by co_await}}
}

coro::task<> bad_const_guard() {
  const Guard g(m); // expect-warning {{'g' of type}}
  co_await baz();   // expect-note {{suspended here by co_await}}
}

template <class M>
coro::task<> bad_alias_template_dependent(M &mu) {
  LG<M> g(mu);    // expect-warning {{'g' of type}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_alias_in_block() {
  {
    Guard no_warning_1(m);
    auto no_warning_2 = take_lock();
  }
  co_await baz();
}
