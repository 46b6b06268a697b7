// verify-args: -std=c++20 -I ../include
//
// SCENARIOS 22 and 23: a class annotated
// [[clang::annotate("await_holding::must_not_suspend")]] (or with the GNU
// spelling, or through a project macro) is forbidden without any config:
// held across a co_await it is reported (no reason note); destroyed in a
// block closed before the co_await it is not.  An annotated class template
// makes every specialization forbidden.
#include "coro_stub.h"

#define MUST_NOT_SUSPEND [[clang::annotate("await_holding::must_not_suspend")]]

struct [[clang::annotate("await_holding::must_not_suspend")]] Span {
  ~Span() {}
};

struct __attribute__((annotate("await_holding::must_not_suspend"))) GnuSpan {
  ~GnuSpan() {}
};

class MUST_NOT_SUSPEND MacroSpan {
public:
  ~MacroSpan() {}
};

template <class T>
struct [[clang::annotate("await_holding::must_not_suspend")]] Pinned {
  T value;
  ~Pinned() {}
};

struct Plain {
  ~Plain() {}
};

coro::task<> f();

coro::task<> bad_annotated() {
  Span s;       // expect-warning {{'s' of type 'Span' is held across a suspension point}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_gnu_spelling() {
  GnuSpan s;    // expect-warning {{'s' of type 'GnuSpan' is held across a suspension point}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_through_macro() {
  MacroSpan s;  // expect-warning {{'s' of type 'MacroSpan' is held across a suspension point}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_annotated_template() {
  Pinned<int> p{1}; // expect-warning {{'p' of type 'Pinned<int>' is held across a suspension point}}
  co_await f();     // expect-note {{suspended here by co_await}}
}

auto bad_in_lambda = []() -> coro::task<> {
  Span s;       // expect-warning {{'s' of type 'Span' is held across a suspension point}}
  co_await f(); // expect-note {{suspended here by co_await}}
};

template <class T>
coro::task<> bad_in_template(T) {
  Span s;       // expect-warning {{'s' of type 'Span' is held across a suspension point}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_handled() {
  {
    Span no_warning_1;
  }
  co_await f();
}

coro::task<> good_unannotated() {
  Plain no_warning_2;
  co_await f();
}
