#include "queue.h"

void enqueue(int job) {
  if (job > 0)
    relay(job);
}
