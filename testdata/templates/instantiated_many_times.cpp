// verify-args: -std=c++20 -I ../include
//
// A template with a guard is one finding, however many times the TU
// instantiates it: the warning is on the template's declaration, once.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

template <class M>
coro::task<> locked_work(M &mu) {
  std::lock_guard<M> g(mu); // expect-warning {{'g' of type}}
  co_await baz();           // expect-note {{suspended here by co_await}}
}

std::mutex m;
std::recursive_mutex rm;
std::timed_mutex tm;

void instantiate() {
  locked_work(m);
  locked_work(rm);
  locked_work(tm);
}
