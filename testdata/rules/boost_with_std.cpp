// verify-config: configs/std_boost.toml
// verify-args: -std=c++20 -I include
//
// "std" and "boost" together: a std lock over a Boost.Fiber mutex is
// allowed (boost's allowed-types), a std lock over a thread mutex is not,
// and the std pack's own reason is kept.
#include "boost/fiber/operations.hpp"
#include "boost/thread/mutex.hpp"
#include "std_stub.h"

void bad_std_mutex_across_fiber_switch(std::mutex &mu, boost::fibers::condition_variable &cv,
                                       boost::fibers::mutex &fm) {
  std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{reason: a blocking lock held across a suspension point can deadlock}}
  std::unique_lock<boost::fibers::mutex> lk(fm);
  cv.wait(lk);                // expect-note {{suspended here by call to 'boost::fibers::condition_variable::wait'}}
  boost::this_fiber::yield(); // expect-note {{suspended here by call to 'boost::this_fiber::yield'}}
}

void good_fiber_mutex_only(boost::fibers::mutex &fm, boost::fibers::condition_variable &cv) {
  std::unique_lock<boost::fibers::mutex> no_warning_1(fm);
  cv.wait(no_warning_1);
  std::lock_guard<boost::fibers::mutex> no_warning_2(fm);
  boost::this_fiber::yield();
}
