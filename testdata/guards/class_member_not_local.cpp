// verify-args: -std=c++20 -I ../include
//
// A guard stored in a data member of the object whose member coroutine
// suspends is not a frame local and is not reported (only locals,
// by-value parameters and temporaries are).  A local of the same type in
// the same member coroutine is.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

class Server {
public:
  coro::task<> good_member_guard() {
    held_ = std::unique_lock<std::mutex>(m_);
    co_await baz();
    held_.unlock();
  }

  coro::task<> bad_local_in_member_coroutine() {
    std::unique_lock<std::mutex> lk(m_); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await baz();                      // expect-note {{suspended here by co_await}}
  }

private:
  std::mutex m_;
  std::unique_lock<std::mutex> held_;
};
