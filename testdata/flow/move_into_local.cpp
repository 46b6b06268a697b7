// verify-args: -std=c++20 -I ../include
//
// A move into another local transfers the lock: the destination is the
// holder and is reported, the moved-from source is not.  The destination
// may be a wrapper (std::optional) or a struct with a guard member.  A
// destination that ends before the co_await takes the lock with it.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;
int n;

struct Holder {
  std::unique_lock<std::mutex> lk;
};

coro::task<> bad_moved_into_other_local() {
  std::unique_lock<std::mutex> src(m);
  std::unique_lock<std::mutex> dst = std::move(src); // expect-warning {{'dst' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                                    // expect-note {{suspended here by co_await}}
}

coro::task<> bad_move_assigned_into_other_local() {
  std::unique_lock<std::mutex> src(m);
  std::unique_lock<std::mutex> dst; // expect-warning {{'dst' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  dst = std::move(src);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_moved_into_optional() {
  std::unique_lock<std::mutex> src(m);
  std::optional<std::unique_lock<std::mutex>> opt(std::move(src)); // expect-warning {{'opt' of type 'std::optional<std::unique_lock<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                  // expect-note {{suspended here by co_await}}
}

coro::task<> bad_moved_into_struct() {
  std::unique_lock<std::mutex> src(m);
  Holder h{std::move(src)}; // expect-warning {{'h' of type 'Holder' is held across a suspension point}}
  co_await baz();           // expect-note {{suspended here by co_await}}
}

coro::task<> good_destination_ends_before_await() {
  std::unique_lock<std::mutex> no_warning_1(m);
  {
    std::unique_lock<std::mutex> no_warning_2 = std::move(no_warning_1);
    ++n;
  }
  co_await baz();
}

coro::task<> bad_source_held_until_moved_after_await() {
  std::unique_lock<std::mutex> src(m); // expect-warning {{'src' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
  std::unique_lock<std::mutex> no_warning_3 = std::move(src);
}
