// verify-args: -std=c++20 -I ../include
//
// std::lock_guard is in the built-in set: held across a co_await it is
// reported at the line of its name, with one note per suspension point
// (SCENARIOS 1, 33).  The built-in rules carry no reason, so there is no
// "reason:" note.  Plain function, lambda, template and macro forms.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> bad_lock_guard() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

coro::task<int> bad_lock_guard_ctad() {
  std::lock_guard g(m); // expect-warning {{'g' of type}}
  co_await baz();       // expect-note {{suspended here by co_await}}
  co_return 47;
}

coro::task<> bad_declaration_over_two_lines() {
  std::lock_guard<std::mutex>
      spread(m); // expect-warning {{'spread' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                    // expect-note {{suspended here by co_await}}
};

template <class M>
coro::task<> bad_in_template(M &mu) {
  std::lock_guard<M> g(mu); // expect-warning {{'g' of type}}
  co_await baz();           // expect-note {{suspended here by co_await}}
}

#define LOCK_SCOPE(mu) std::lock_guard<std::mutex> scope_guard_(mu)

coro::task<> bad_through_macro() {
  LOCK_SCOPE(m);  // expect-warning {{'scope_guard_' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_guard_in_block() {
  {
    std::lock_guard<std::mutex> no_warning_1(m);
  }
  co_await baz();
}

void good_plain_function() {
  std::lock_guard<std::mutex> no_warning_2(m);
}
