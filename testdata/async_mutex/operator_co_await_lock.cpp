// verify-args: -std=c++20 -I ../include
//
// A lock operation is awaitable also when it returns a type with a member
// or a free operator co_await.  A mutex that is only called "async" but
// whose lock() returns void is synchronous and its guards are reported.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

struct MemberOpLock {
  coro::sleep_awaitable operator co_await() const { return coro::sleep_awaitable{}; }
};
struct MemberOpMutex {
  MemberOpLock lock() { return {}; }
  void unlock() {}
};

struct FreeOpLock {};
coro::sleep_awaitable operator co_await(FreeOpLock) { return coro::sleep_awaitable{}; }
struct FreeOpMutex {
  FreeOpLock lock() { return {}; }
  void unlock() {}
};

struct AsyncNamedMutex { // synchronous despite the name
  void lock() {}
  void unlock() {}
};

MemberOpMutex mm;
FreeOpMutex fm;
AsyncNamedMutex am;

coro::task<> good_member_operator_co_await() {
  co_await mm.lock();
  std::lock_guard<MemberOpMutex> no_warning_1(mm, std::adopt_lock);
  co_await baz();
}

coro::task<> good_free_operator_co_await() {
  co_await fm.lock();
  std::unique_lock<FreeOpMutex> no_warning_2(fm, std::adopt_lock);
  co_await baz();
}

coro::task<> bad_sync_mutex_with_async_name() {
  std::lock_guard<AsyncNamedMutex> g(am); // expect-warning {{'g' of type 'std::lock_guard<AsyncNamedMutex>' is held across a suspension point}}
  co_await baz();                         // expect-note {{suspended here by co_await}}
}
