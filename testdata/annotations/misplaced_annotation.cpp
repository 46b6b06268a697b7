// verify-args: -std=c++20 -I ../include
//
// SCENARIO 36: the must_not_suspend annotation only makes sense on a type
// and the suspends annotation only on a function.  Put elsewhere, the
// annotation is diagnosed where it is written.
// FIXME: the message text is not fixed yet; only the annotation string is
// matched.
#include "coro_stub.h"

namespace [[clang::annotate("await_holding::must_not_suspend")]] tracing { // expect-warning {{await_holding::must_not_suspend}}
}

[[clang::annotate("await_holding::must_not_suspend")]] void enter_span(); // expect-warning {{await_holding::must_not_suspend}}

struct [[clang::annotate("await_holding::suspends")]] Scheduler { // expect-warning {{await_holding::suspends}}
  int id = 0;
};

// Well placed: no diagnostic.
struct [[clang::annotate("await_holding::must_not_suspend")]] Span {
  ~Span() {}
};
[[clang::annotate("await_holding::suspends")]] void park();

// Other tools' annotations are none of our business.
struct [[clang::annotate("other_tool::whatever")]] Tagged {};
[[clang::annotate("other_tool::whatever")]] void tagged();
