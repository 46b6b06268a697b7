// verify-config: absl
// verify-args: -std=c++20 -I include
//
// The "absl" pack: Abseil's scoped lockers, seen through Abseil's inline
// namespace (absl::lts_YYYYMMDD), are guards with a reason.  Every
// finding carries the pack's reason note.
#include "absl/synchronization/mutex.h"
#include "std_stub.h"

demo::task<int> fetch();
void use(int);

absl::Mutex mu;

demo::task<> bad_mutex_lock() {
  absl::MutexLock l(mu); // expect-warning {{'l' of type 'absl::MutexLock' is held across a suspension point}}
  // expect-note@-1 {{reason: an absl::Mutex held across a suspension point blocks every other coroutine that wants it, and Abseil requires the unlock on the thread that locked}}
  use(co_await fetch()); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_pointer_constructor() {
  absl::MutexLock l(&mu); // expect-warning {{'l' of type 'absl::MutexLock'}}
  // expect-note@-1 {{reason: an absl::Mutex held across a suspension point}}
  co_await demo::yield_now(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_reader_writer(absl::Mutex &rw) {
  {
    absl::ReaderMutexLock r(rw); // expect-warning {{'r' of type 'absl::ReaderMutexLock'}}
    // expect-note@-1 {{reason: an absl::Mutex reader lock held across a suspension point stalls every writer}}
    co_await fetch(); // expect-note {{suspended here by co_await}}
  }
  absl::WriterMutexLock w(rw); // expect-warning {{'w' of type 'absl::WriterMutexLock'}}
  // expect-note@-1 {{reason: an absl::Mutex writer lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_maybe(absl::Mutex *maybe) {
  absl::MutexLockMaybe l(maybe); // expect-warning {{'l' of type 'absl::MutexLockMaybe'}}
  // expect-note@-1 {{reason: a MutexLockMaybe given a mutex holds it}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

demo::task<> bad_releasable_not_released() {
  absl::ReleasableMutexLock l(mu); // expect-warning {{'l' of type 'absl::ReleasableMutexLock'}}
  // expect-note@-1 {{reason: an absl::Mutex held across a suspension point blocks every other coroutine that wants it, and Abseil requires the unlock on the thread that locked; call Release()}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](absl::Mutex &m) -> demo::task<> {
  absl::MutexLock l(m); // expect-warning {{'l' of type 'absl::MutexLock'}}
  // expect-note@-1 {{reason: an absl::Mutex held}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
};

// ReleasableMutexLock::Release() unlocks early, like unlock().
demo::task<> good_released_before_suspending() {
  absl::ReleasableMutexLock no_warning_1(mu);
  no_warning_1.Release();
  co_await fetch();
}

demo::task<> good_scope_ends() {
  int v;
  {
    absl::MutexLock no_warning_2(mu);
    absl::ReaderMutexLock no_warning_3(mu);
    v = 1;
  }
  use(co_await fetch() + v);
}

demo::task<> good_after_last_suspension() {
  int v = co_await fetch();
  absl::WriterMutexLock no_warning_4(mu);
  use(v);
}

// Locking by hand with a std lock type is the std pack's business, not
// this one's.
demo::task<> good_std_lock_not_in_this_pack() {
  std::unique_lock<absl::Mutex> no_warning_5(mu);
  co_await fetch();
}
