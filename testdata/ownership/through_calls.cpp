// verify-args: -std=c++20 -I ../include
//
// Ownership effects through calls: a function that ends a guard passed to
// it by reference (unlocks, resets or moves it away on every path) ends
// the caller's guard at the call.  One that keeps it, or ends it on some
// paths only, does not.  Summaries go through wrappers that pass the
// guard on, and through the methods of a guard's owner.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

std::mutex m;
coro::task<> tick();
bool busy();
void log_line();

void release(std::unique_lock<std::mutex> &lk) { lk.unlock(); }
void release_via(std::unique_lock<std::mutex> &lk) { release(lk); }
void consume(std::unique_lock<std::mutex> &lk) {
  std::unique_lock<std::mutex> mine(std::move(lk));
  log_line();
}
void keep(std::unique_lock<std::mutex> &lk) { (void)lk; log_line(); }
void release_sometimes(std::unique_lock<std::mutex> &lk) {
  if (busy())
    lk.unlock();
}

coro::task<> good_callee_unlocks() {
  std::unique_lock<std::mutex> no_warning_1(m);
  release(no_warning_1);
  co_await tick();
}

coro::task<> good_callee_unlocks_through_a_wrapper() {
  std::unique_lock<std::mutex> no_warning_2(m);
  release_via(no_warning_2);
  co_await tick();
}

coro::task<> good_callee_takes_it_over() {
  std::unique_lock<std::mutex> no_warning_3(m);
  consume(no_warning_3);
  co_await tick();
}

coro::task<> bad_callee_keeps_it() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  keep(lk);
  co_await tick(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_callee_unlocks_on_one_path() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  release_sometimes(lk);
  co_await tick(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_suspends_before_the_call() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await tick(); // expect-note {{suspended here by co_await}}
  release(lk);
}

// A guard's owner whose method ends it.
struct Session {
  std::unique_lock<std::mutex> lk;
  explicit Session(std::mutex &mu) : lk(mu) {}
  void done() { lk.unlock(); }
  void touch() { log_line(); }
};

coro::task<> good_owner_method_unlocks() {
  Session no_warning_4(m);
  no_warning_4.done();
  co_await tick();
}

coro::task<> bad_owner_method_keeps_it() {
  Session s(m); // expect-warning {{'s' of type 'Session' is held across a suspension point}}
  s.touch();
  co_await tick(); // expect-note {{suspended here by co_await}}
}
