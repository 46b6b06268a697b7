// verify-args: -std=c++20 -I ../include -I ../../include
//
// Whether a function template's call may suspend is decided per
// specialization, from its instantiated body: run_it<Fiber> reaches a
// suspending function, run_it<Plain> does not, though the template's own
// body (a dependent call) shows neither.
#include "await_holding.h"
#include "mutex_stub.h"

struct Fiber {
  AWAIT_HOLDING_SUSPENDS void run();
};
struct Plain {
  void run() {}
};

template <class T>
void run_it(T &t) { t.run(); }

void bad_through_specialization(std::mutex &m, Fiber &f) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  run_it(f);                        // expect-note {{suspended here by call that may suspend}}
}

void good_other_specialization(std::mutex &m, Plain &p) {
  std::lock_guard<std::mutex> no_warning_1(m);
  run_it(p);
}
