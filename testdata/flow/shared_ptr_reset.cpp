// verify-args: -std=c++20 -I ../include
//
// std::shared_ptr<Guard>: reset() or '= nullptr' drops this owner.  A
// copy is another owner: it keeps the guard alive and is reported itself.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::mutex m;

coro::task<> good_reset() {
  auto no_warning_1 = std::make_shared<Guard>(m);
  no_warning_1.reset();
  co_await baz();
}

coro::task<> good_assigned_nullptr() {
  std::shared_ptr<Guard> no_warning_2 = std::make_shared<Guard>(m);
  no_warning_2 = nullptr;
  co_await baz();
}

coro::task<> bad_copy_still_owns() {
  auto no_warning_3 = std::make_shared<Guard>(m);
  std::shared_ptr<Guard> copy = no_warning_3; // expect-warning {{'copy' of type}}
  no_warning_3.reset();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
