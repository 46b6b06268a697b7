// verify-args: -std=c++20 -I ../include
//
// The instantiated body of a template is a function like any other:
// ownership effects through calls apply in it.  A guard only the
// instantiation shows ('auto lk = co_await s.scoped()') that is handed to
// a function that unlocks it is not held at the next co_await; handed to
// one that keeps it, it is.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> tick();
void log_line();

struct BlockingScoped {
  std::mutex m;
  coro::task<std::unique_lock<std::mutex>> scoped();
};

void release(std::unique_lock<std::mutex> &lk) { lk.unlock(); }
void keep(std::unique_lock<std::mutex> &lk) { (void)lk; log_line(); }

template <class T>
coro::task<> good_released_by_callee(BlockingScoped &s, T) {
  auto no_warning_1 = co_await s.scoped();
  release(no_warning_1);
  co_await tick();
}

template <class T>
coro::task<> bad_kept_by_callee(BlockingScoped &s, T) {
  auto lk = co_await s.scoped(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'bad_kept_by_callee<int>'}}
  keep(lk);
  co_await tick(); // expect-note {{suspended here by co_await}}
}

void use(BlockingScoped &s) {
  (void)good_released_by_callee(s, 1);
  (void)bad_kept_by_callee(s, 1);
}
