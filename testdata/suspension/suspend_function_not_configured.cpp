// verify-args: -std=c++20 -I ../include
//
// Without a config listing it, a call to sched::yield is an ordinary call:
// a plain function holding a guard around it is silent, and a plain
// function never suspends on its own.
// expect-no-diagnostics
#include "mutex_stub.h"

namespace sched {
void yield();
}

std::mutex m;

void good_unconfigured_yield() {
  std::lock_guard<std::mutex> no_warning_1(m);
  sched::yield();
}

void good_plain_function_with_guard() {
  std::unique_lock<std::mutex> no_warning_2(m);
  sched::yield();
  no_warning_2.unlock();
}
