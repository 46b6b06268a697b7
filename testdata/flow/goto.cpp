// verify-args: -std=c++20 -I ../include
//
// goto: a forward jump that skips the unlock reaches the label's co_await
// locked; a jump out of a block destroys the guards in it; a backward
// jump (a retry loop) carries the lock to the earlier co_await.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
bool failed();
std::mutex m;
int n;

coro::task<> bad_goto_skips_unlock(bool x) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (x)
    goto done;
  lk.unlock();
  co_await a();
done:
  co_await b(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_goto_leaves_scope(bool x) {
  {
    std::lock_guard<std::mutex> no_warning_1(m);
    if (x)
      goto out;
    ++n;
  }
out:
  co_await a();
}

coro::task<> bad_backward_goto_retry() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
retry:
  co_await a(); // expect-note {{suspended here by co_await}}
  lk.lock();
  if (failed())
    goto retry;
  lk.unlock();
}

coro::task<> good_backward_goto_after_unlock() {
  std::unique_lock<std::mutex> no_warning_2(m, std::defer_lock);
retry:
  co_await a();
  no_warning_2.lock();
  if (failed()) {
    no_warning_2.unlock();
    goto retry;
  }
  no_warning_2.unlock();
}
