// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/sched.json
//
// C++ functions that call a suspending function suspend too, whatever
// kind of function they are: free, member, template, member of a class
// template.  A coroutine does not suspend its caller by being called.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace sched {
void yield(); // a fiber switch (configured in sched.json)
struct Fiber {
  static void park();
};
} // namespace sched

std::mutex m;

void pause_briefly() { sched::yield(); }

struct Worker {
  void wait() { pause_briefly(); }
};

template <class T> void wait_for(T) { sched::yield(); }

template <class T> struct Queue {
  void pop() { wait_for(0); }
};

coro::task<> coroutine_that_yields() {
  sched::yield();
  co_return;
}

void bad_through_free_function() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  pause_briefly(); // expect-note {{suspended here by call that may suspend (pause_briefly -> sched::yield)}}
}

void bad_through_member(Worker &w) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type}}
  w.wait(); // expect-note {{suspended here by call that may suspend (Worker::wait -> pause_briefly -> sched::yield)}}
}

void bad_through_template() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type}}
  wait_for(1.0); // expect-note {{suspended here by call that may suspend (wait_for -> sched::yield)}}
}

void bad_through_class_template_member(Queue<int> &q) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type}}
  q.pop(); // expect-note {{suspended here by call that may suspend (Queue::pop -> wait_for -> sched::yield)}}
}

void good_calling_a_coroutine() {
  std::lock_guard<std::mutex> no_warning_1(m);
  coroutine_that_yields();
}

void good_released_first() {
  {
    std::lock_guard<std::mutex> no_warning_2(m);
  }
  pause_briefly();
}

void bad_through_lambda() {
  auto pause = [] { sched::yield(); };
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type}}
  pause(); // expect-note {{suspended here by call that may suspend (lambda at 69:16 -> sched::yield)}}
}

void good_lambda_not_called_under_lock() {
  auto pause = [] { sched::yield(); };
  {
    std::lock_guard<std::mutex> no_warning_3(m);
  }
  pause();
}
