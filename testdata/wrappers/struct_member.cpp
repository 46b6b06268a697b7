// verify-args: -std=c++20 -I ../include
//
// SCENARIO 30: a local of a user type with a guard data member (directly,
// or nested in another member, or in a class template's member) is
// reported; the warning says through which member.  Moving the whole
// object into a call releases it.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

struct Conn {
  explicit Conn(std::mutex &mu) : lk(mu) {}
  int fd = 0;
  std::unique_lock<std::mutex> lk;
};

struct Pool {
  explicit Pool(std::mutex &mu) : conn(mu) {}
  Conn conn;
};

template <class T>
struct Box {
  T value;
};

void close(Conn c);

coro::task<> bad_struct_with_guard_member() {
  Conn c(m);      // expect-warning {{'c' of type 'Conn' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_names_the_member() {
  Conn c(m);      // expect-warning {{member 'lk' of 'Conn'}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_nested_member() {
  Pool p(m);      // expect-warning {{'p' of type 'Pool' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_class_template_member() {
  Box<std::lock_guard<std::mutex>> b{std::lock_guard<std::mutex>(m)}; // expect-warning {{'b' of type 'Box<std::lock_guard<std::mutex>>' is held across a suspension point}}
  co_await baz();                                                     // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  Conn c(mu);     // expect-warning {{'c' of type 'Conn' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
};

coro::task<> good_struct_moved_into_call() {
  Conn no_warning_1(m);
  close(std::move(no_warning_1));
  co_await baz();
}

coro::task<> good_struct_in_block() {
  {
    Conn no_warning_2(m);
  }
  co_await baz();
}
