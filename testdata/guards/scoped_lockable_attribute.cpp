// verify-args: -std=c++20 -I ../include
//
// A class carrying clang's thread-safety attribute scoped_lockable (GNU
// or C++11 spelling, directly or through a macro as in Abseil) is a guard
// without any config.  The mutex itself (capability) is not a guard, nor
// is an unannotated class with a guard-like name.
#include "coro_stub.h"

coro::task<> baz();

#define ABSL_LOCKABLE __attribute__((capability("mutex")))
#define ABSL_SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define ABSL_EXCLUSIVE_LOCK_FUNCTION(...) __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define ABSL_SHARED_LOCK_FUNCTION(...) __attribute__((shared_lock_function(__VA_ARGS__)))
#define ABSL_UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))

namespace absl {
class ABSL_LOCKABLE Mutex {
public:
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() {}
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() {}
  void Unlock() ABSL_UNLOCK_FUNCTION() {}
};

class ABSL_SCOPED_LOCKABLE MutexLock {
public:
  explicit MutexLock(Mutex *mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }

private:
  Mutex *mu_;
};

class [[clang::scoped_lockable]] ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu) ABSL_SHARED_LOCK_FUNCTION(mu) : mu_(mu) { mu_->ReaderLock(); }
  ~ReaderMutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }

private:
  Mutex *mu_;
};

// Same shape, no attribute: not a guard.
class MutexLockStats {
public:
  explicit MutexLockStats(Mutex *) {}
  ~MutexLockStats() {}
};
} // namespace absl

absl::Mutex mu;

coro::task<> bad_gnu_attribute_through_macro() {
  absl::MutexLock l(&mu); // expect-warning {{'l' of type 'absl::MutexLock' is held across a suspension point}}
  co_await baz();         // expect-note {{suspended here by co_await}}
}

coro::task<> bad_cxx11_attribute() {
  absl::ReaderMutexLock l(&mu); // expect-warning {{'l' of type 'absl::ReaderMutexLock' is held across a suspension point}}
  co_await baz();               // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = []() -> coro::task<> {
  absl::MutexLock l(&mu); // expect-warning {{'l' of type 'absl::MutexLock' is held across a suspension point}}
  co_await baz();         // expect-note {{suspended here by co_await}}
};

coro::task<> good_mutex_is_not_a_guard() {
  absl::Mutex no_warning_1;
  co_await baz();
}

coro::task<> good_unannotated_look_alike() {
  absl::MutexLockStats no_warning_2(&mu);
  co_await baz();
}

coro::task<> good_scoped_lockable_in_block() {
  {
    absl::MutexLock no_warning_3(&mu);
  }
  co_await baz();
}
