// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/sched.json
//
// A temporary's destructor runs at the end of its full-expression: a
// temporary of a class whose destructor may suspend (here a fiber
// switch), made for a call's argument, as the object of a member call,
// or as an expression statement, suspends there, with the guards alive
// then held across it.  An object that is no temporary (a variable, a
// member, a return value, one on the heap) is not destroyed there.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace sched {
void yield(); // a fiber switch (configured in sched.json)
} // namespace sched

std::mutex m;

// Waits for the writer fiber when destroyed.
struct Flusher {
  explicit Flusher(int n) : pending(n) {}
  ~Flusher() { sched::yield(); }
  void add(int n) { pending += n; }
  int pending;
};

struct Plain {
  explicit Plain(int n) : n(n) {}
  ~Plain() { n = 0; }
  int n;
};

void consume(const Flusher &f);
void consume_plain(const Plain &p);

void bad_argument() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  consume(Flusher(1));              // expect-note {{suspended here by cleanup of 'temporary Flusher' (Flusher::~Flusher -> sched::yield)}}
}

void bad_member_call() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  Flusher(2).add(1);                // expect-note {{suspended here by cleanup of 'temporary Flusher'}}
}

void bad_discarded() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  Flusher(3);                       // expect-note {{suspended here by cleanup of 'temporary Flusher'}}
}

void good_released_before() {
  {
    std::lock_guard<std::mutex> g(m);
  }
  consume(Flusher(1));
}

void good_plain_temporary() {
  std::lock_guard<std::mutex> g(m);
  consume_plain(Plain(1));
}

Flusher good_returned() {
  return Flusher(4); // the caller's object: destroyed by the caller
}

Flusher *good_on_heap() {
  std::lock_guard<std::mutex> g(m);
  return new Flusher(5);
}

void good_named_after_unlock() {
  std::unique_lock<std::mutex> lk(m);
  lk.unlock();
  consume(Flusher(6));
}
