// verify-args: -std=c++20 -I ../include
//
// SCENARIOS 26 and 42, policy: a local reference bound to a guard that is
// not a local of this coroutine (a data member, a function's result) is
// reported, as rustc's must_not_suspend does ("reference to ..."): the
// coroutine keeps using the locked object across the suspension.  Where
// the hold is intended, suppress it with a reason.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

// A guard by its member (see wrappers/struct_member.cpp).
struct LockedStream {
  std::unique_lock<std::mutex> lk;
  coro::task<> write(int chunk);
};

LockedStream &locked_ref();
std::unique_lock<std::mutex> &current_lock();

struct Conn {
  std::mutex mu;
  std::unique_lock<std::mutex> held{mu};

  coro::task<> bad_reference_to_member() {
    std::unique_lock<std::mutex> &w = this->held; // expect-warning {{'w' of type}}
    co_await baz();                               // expect-note {{suspended here by co_await}}
    w.unlock();
  }

  coro::task<> good_member_used_directly() {
    held.unlock();
    co_await baz();
    held.lock();
  }
};

coro::task<> bad_reference_to_function_result(int chunk) {
  auto &w = locked_ref();   // expect-warning {{'w' of type}}
  co_await w.write(chunk);  // expect-note {{suspended here by co_await}}
}

coro::task<> bad_reference_to_returned_lock() {
  auto &lk = current_lock(); // expect-warning {{'lk' of type}}
  co_await baz();            // expect-note {{suspended here by co_await}}
}

coro::task<> good_reference_scope_ends(int chunk) {
  {
    auto &no_warning_1 = locked_ref();
    (void)no_warning_1;
  }
  co_await baz();
}
