#include "coro_stub.h"
#include "mutex_stub.h"
#include "pause.h"
#include "queue.h"

std::mutex m;

coro::task<> submit(int job) {
  std::lock_guard<std::mutex> lk(m);
  enqueue(job);
  co_return;
}

coro::task<> breathe() {
  std::unique_lock<std::mutex> lk(m);
  pause_now();
  co_return;
}
