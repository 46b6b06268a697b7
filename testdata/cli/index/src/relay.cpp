#include "queue.h"
#include "sched.h"

void relay(int job) {
  (void)job;
  sched::yield();
}
