// verify-args: -std=c++20 -I ../include
//
// std::shared_lock and std::scoped_lock over asynchronous mutexes are not
// guards either; over std::shared_mutex / std::mutex they are.
#include "async_mutex_stub.h"
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
async_simple::coro::SharedMutex asm_;
async_simple::coro::Mutex amu1, amu2;
std::shared_mutex rw;

coro::task<> good_shared_lock_over_async_shared_mutex() {
  co_await asm_.lock_shared();
  std::shared_lock<async_simple::coro::SharedMutex> no_warning_1(asm_, std::adopt_lock);
  co_await baz();
}

coro::task<> good_scoped_lock_over_async_mutexes() {
  co_await amu1.coLock();
  co_await amu2.coLock();
  std::scoped_lock<async_simple::coro::Mutex, async_simple::coro::Mutex> no_warning_2(std::adopt_lock, amu1, amu2);
  co_await baz();
}

coro::task<> bad_shared_lock_over_std_shared_mutex() {
  std::shared_lock<std::shared_mutex> r(rw); // expect-warning {{'r' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}
