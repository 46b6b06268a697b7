// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/sched.json
//
// A local's destructor runs at every exit of its scope.  When it may
// suspend (here a fiber switch), the guards still alive there are held
// across it; those declared after the local are destroyed first.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace sched {
void yield(); // a fiber switch (configured in sched.json)
} // namespace sched

std::mutex m;

// Flushes its buffer on destruction, waiting for the writer fiber.
struct Flusher {
  int pending = 0;
  ~Flusher() {
    if (pending)
      sched::yield();
  }
};

struct Plain {
  int n = 0;
  ~Plain() { n = 0; }
};

void bad_flush_under_lock() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{reason:}}
  Flusher f;
  f.pending = 1;
} // expect-note {{suspended here by cleanup of 'f' (Flusher::~Flusher -> sched::yield)}}

void good_lock_declared_after() {
  Flusher f;
  std::lock_guard<std::mutex> g(m);
  f.pending = 1;
}

void good_plain_destructor() {
  std::lock_guard<std::mutex> g(m);
  Plain p;
  p.n = 1;
}

int bad_early_return(bool fail) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>'}}
  // expect-note@-1 {{reason:}}
  {
    Flusher f;
    if (fail)
      return 1; // expect-note {{suspended here by cleanup of 'f' (Flusher::~Flusher -> sched::yield)}}
  } // expect-note {{suspended here by cleanup of 'f' (Flusher::~Flusher -> sched::yield)}}
  return 0;
}
