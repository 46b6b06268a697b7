// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/sched.json
//
// A function listed in suspend-functions suspends when called: in a
// coroutine and in a plain function (a fiber or green-thread switch).
// Members are named with their class (sched::Fiber::park).  The note names
// the callee by its qualified name.  A function with the same unqualified
// name in another namespace does not suspend.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace sched {
void yield();
class Fiber {
public:
  static Fiber &current();
  void park();
};
} // namespace sched

namespace os {
void yield();
}

coro::task<> baz();
std::mutex m;

void bad_plain_function() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  sched::yield();                   // expect-note {{suspended here by call to 'sched::yield'}}
}

void bad_member_function() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  sched::Fiber::current().park();     // expect-note {{suspended here by call to 'sched::Fiber::park'}}
}

coro::task<> bad_in_coroutine_with_co_await() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  sched::yield();                   // expect-note {{suspended here by call to 'sched::yield'}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

void bad_using_declaration() {
  using sched::yield;
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  yield();                          // expect-note {{suspended here by call to 'sched::yield'}}
}

auto bad_in_lambda = [](std::mutex &mu) {
  std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  sched::yield();                    // expect-note {{suspended here by call to 'sched::yield'}}
};

template <class M>
void bad_in_template(M &mu) {
  std::lock_guard<M> g(mu); // expect-warning {{'g' of type}}
  sched::yield();           // expect-note {{suspended here by call to 'sched::yield'}}
}

#define RESCHEDULE() sched::yield()

void bad_through_macro() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  RESCHEDULE();                     // expect-note {{suspended here by call to 'sched::yield'}}
}

void good_other_namespace() {
  std::lock_guard<std::mutex> no_warning_1(m);
  os::yield();
}

void good_yield_after_block() {
  {
    std::lock_guard<std::mutex> no_warning_2(m);
  }
  sched::yield();
}

void good_unlock_before_yield() {
  std::unique_lock<std::mutex> no_warning_3(m);
  no_warning_3.unlock();
  sched::yield();
}
