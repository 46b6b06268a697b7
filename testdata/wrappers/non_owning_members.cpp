// verify-args: -std=c++20 -I ../include
//
// Pointers and references do not own: wrappers and structs whose guard
// is reached only through a pointer or a reference are not reported, nor
// is a struct that holds only a mutex (or a pointer to one).
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::mutex m;

struct Borrow {
  Guard *g;
};

struct View {
  const Guard &g;
};

struct Protected {
  std::mutex mu;
  int value = 0;
};

struct MutexRef {
  std::mutex *mu;
};

coro::task<> good_pointer_members(Guard &outer) {
  Borrow no_warning_1{&outer};
  View no_warning_2{outer};
  std::optional<Guard *> no_warning_3 = &outer;
  std::pair<Guard &, int> no_warning_4(outer, 1);
  co_await baz();
}

coro::task<> good_mutex_members() {
  Protected no_warning_5;
  MutexRef no_warning_6{&m};
  co_await baz();
}
