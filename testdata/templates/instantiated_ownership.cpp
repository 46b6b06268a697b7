// verify-args: -std=c++20 -I ../include
//
// The instantiated body of a template is a function like any other:
// ownership effects through calls apply in it.  A guard only the
// instantiation shows ('auto lk = co_await s.scoped()') that is handed to
// a function that unlocks it is not held at the next co_await; handed to
// one that keeps it, it is.  Each specialization has its own summary.
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

// A call of a specialization has the summary of its instantiated body:
// release_any<std::unique_lock<std::mutex>> unlocks, keep_any<...> does
// not, though neither's template shows a guard.
template <class L>
void release_any(L &lk) { lk.unlock(); }

template <class L>
void keep_any(L &lk) { (void)lk; log_line(); }

coro::task<> good_released_by_template_callee(BlockingScoped &s) {
  auto no_warning_2 = co_await s.scoped();
  release_any(no_warning_2);
  co_await tick();
}

coro::task<> bad_kept_by_template_callee(BlockingScoped &s) {
  auto lk = co_await s.scoped(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  keep_any(lk);
  co_await tick(); // expect-note {{suspended here by co_await}}
}

void use(BlockingScoped &s) {
  (void)good_released_by_callee(s, 1);
  (void)bad_kept_by_callee(s, 1);
}
