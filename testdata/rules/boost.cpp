// verify-config: boost
// verify-args: -std=c++20 -I include
//
// The "boost" pack: Boost.Thread and Boost.Interprocess locks are guards,
// also through the nested scoped_lock typedefs and the synchronized_value
// lock pointers; Boost.Fiber calls that switch fibers suspend.  The pack
// extends "asio" (this_coro placeholders never suspend: asio.cpp).
#include "boost/fiber/operations.hpp"
#include "boost/interprocess/sync/scoped_lock.hpp"
#include "boost/thread/lock_guard.hpp"
#include "boost/thread/mutex.hpp"
#include "boost/thread/shared_lock_guard.hpp"
#include "boost/thread/strict_lock.hpp"
#include "boost/thread/synchronized_value.hpp"
#include "std_stub.h"

demo::task<int> fetch();
void use(int);

boost::mutex m;
boost::recursive_mutex rm;
boost::shared_mutex sm;

demo::task<> bad_lock_guard() {
  boost::lock_guard<boost::mutex> g(m); // expect-warning {{'g' of type 'boost::lock_guard<boost::mutex>' is held across a suspension point}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock held across a suspension point blocks every other coroutine or fiber}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_unique_lock() {
  boost::unique_lock<boost::mutex> lk(m); // expect-warning {{'lk' of type 'boost::unique_lock<boost::mutex>'}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock (also spelled boost::mutex::scoped_lock)}}
  use(co_await fetch()); // expect-note {{suspended here by co_await}}
}

// The nested typedef is boost::unique_lock<boost::mutex>.
demo::task<> bad_scoped_lock_typedef() {
  boost::mutex::scoped_lock lk(m); // expect-warning {{'lk' of type}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock (also spelled}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_recursive_scoped_lock() {
  boost::recursive_mutex::scoped_lock lk(rm); // expect-warning {{'lk' of type}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock (also spelled}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

// scoped_try_lock is detail::try_lock_wrapper, privately derived from
// unique_lock.
demo::task<> bad_scoped_try_lock() {
  boost::mutex::scoped_try_lock lk(m); // expect-warning {{'lk' of type}}
  // expect-note@-1 {{reason: a Boost.Thread try-lock (boost::mutex::scoped_try_lock)}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_shared_and_upgrade(boost::shared_mutex &rw) {
  boost::shared_lock<boost::shared_mutex> r(rw); // expect-warning {{'r' of type 'boost::shared_lock<boost::shared_mutex>'}}
  // expect-note@-1 {{reason: a Boost.Thread reader lock held across a suspension point stalls every writer}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
  boost::upgrade_lock<boost::shared_mutex> u(sm); // expect-warning {{'u' of type 'boost::upgrade_lock<boost::shared_mutex>'}}
  // expect-note@-1 {{reason: a Boost.Thread upgrade lock}}
  boost::upgrade_to_unique_lock<boost::shared_mutex> x(u); // expect-warning {{'x' of type 'boost::upgrade_to_unique_lock<boost::shared_mutex>'}}
  // expect-note@-1 {{reason: an upgraded (exclusive) Boost.Thread lock}}
  co_await fetch(); // expect-note 3 {{suspended here by co_await}}
}

demo::task<> bad_shared_lock_guard() {
  boost::shared_lock_guard<boost::shared_mutex> r(sm); // expect-warning {{'r' of type 'boost::shared_lock_guard<boost::shared_mutex>'}}
  // expect-note@-1 {{reason: a Boost.Thread reader lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_strict_locks() {
  boost::unique_lock<boost::mutex> outer(m, boost::defer_lock);
  boost::nested_strict_lock<boost::unique_lock<boost::mutex>> n(outer); // expect-warning {{'n' of type}}
  // expect-note@-1 {{reason: a nested strict lock keeps its outer lock locked}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_strict_lock() {
  boost::strict_lock<boost::mutex> s(m); // expect-warning {{'s' of type 'boost::strict_lock<boost::mutex>'}}
  // expect-note@-1 {{reason: a strict lock cannot be released early}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_synchronized_value(boost::synchronized_value<int> &v) {
  auto p = v.synchronize(); // expect-warning {{'p' of type 'boost::strict_lock_ptr<int>'}}
  // expect-note@-1 {{reason: a synchronized_value lock pointer keeps the value's mutex locked}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_interprocess(boost::interprocess::interprocess_upgradable_mutex &ipm) {
  boost::interprocess::scoped_lock<boost::interprocess::interprocess_upgradable_mutex> w(ipm); // expect-warning {{'w' of type 'boost::interprocess::scoped_lock<boost::interprocess::interprocess_upgradable_mutex>'}}
  // expect-note@-1 {{reason: an interprocess mutex held across a suspension point}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
  w.unlock();
  boost::interprocess::sharable_lock<boost::interprocess::interprocess_upgradable_mutex> r(ipm); // expect-warning {{'r' of type}}
  // expect-note@-1 {{reason: an interprocess sharable (reader) lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
  r.unlock();
  boost::interprocess::upgradable_lock<boost::interprocess::interprocess_upgradable_mutex> u(ipm); // expect-warning {{'u' of type}}
  // expect-note@-1 {{reason: an interprocess upgradable lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

// Fibers: a thread lock held while the fiber switches.
void bad_fiber_yield(boost::mutex &mu) {
  boost::lock_guard<boost::mutex> g(mu); // expect-warning {{'g' of type 'boost::lock_guard<boost::mutex>'}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock held}}
  boost::this_fiber::yield(); // expect-note {{suspended here by call to 'boost::this_fiber::yield'}}
}

void bad_fiber_sleep_and_channel(boost::fibers::buffered_channel<int> &ch) {
  boost::unique_lock<boost::mutex> lk(m); // expect-warning {{'lk' of type}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock (also spelled}}
  boost::this_fiber::sleep_for(std::chrono::milliseconds{10}); // expect-note {{suspended here by call to 'boost::this_fiber::sleep_for'}}
  int v = 0;
  ch.pop(v); // expect-note {{suspended here by call to 'boost::fibers::buffered_channel::pop'}}
}

void bad_fiber_future(boost::fibers::future<int> &f, boost::fibers::mutex &fm) {
  boost::lock_guard<boost::mutex> g(m); // expect-warning {{'g' of type}}
  // expect-note@-1 {{reason: a blocking Boost.Thread lock held}}
  use(f.get()); // expect-note {{suspended here by call to 'boost::fibers::future::get'}}
  fm.lock();    // expect-note {{suspended here by call to 'boost::fibers::mutex::lock'}}
  fm.unlock();
}

demo::task<> good_scope_ends() {
  {
    boost::lock_guard<boost::mutex> no_warning_1(m);
    boost::recursive_mutex::scoped_lock no_warning_2(rm);
  }
  co_await fetch();
}

demo::task<> good_unlock_before() {
  boost::unique_lock<boost::mutex> no_warning_3(m);
  no_warning_3.unlock();
  co_await fetch();
  boost::interprocess::interprocess_mutex ipm;
  boost::interprocess::scoped_lock<boost::interprocess::interprocess_mutex> no_warning_4(ipm);
  no_warning_4.unlock();
  co_await fetch();
}

demo::task<> good_after_last_suspension(boost::synchronized_value<int> &v) {
  co_await fetch();
  boost::lock_guard<boost::mutex> no_warning_5(m);
  auto no_warning_6 = v.synchronize();
}

demo::task<> good_synchronized_value_one_expression(boost::synchronized_value<int> &v) {
  use(*v.synchronize().operator->());
  co_await fetch();
}

// A fiber mutex under a std lock, across fiber switches, is the
// fiber-aware pattern: no thread lock is held (the allowed-types entries
// matter when "std" is loaded too: boost_with_std.cpp).
void good_fiber_mutex(boost::fibers::mutex &fm, boost::fibers::condition_variable &cv) {
  std::unique_lock<boost::fibers::mutex> no_warning_7(fm);
  cv.wait(no_warning_7);
  boost::this_fiber::yield();
}
