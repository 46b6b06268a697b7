// verify-args: -std=c++20 -I ../include
//
// A function declared with [[clang::annotate("await_holding::suspends")]]
// suspends when called, without any config, in a plain function or a
// coroutine: a free function, a member function, through a macro, and
// when the annotation sits only on an earlier declaration or only on the
// definition that follows the call.  The note names the callee by its
// qualified name.  Unannotated functions do not suspend.
#include "coro_stub.h"
#include "mutex_stub.h"

#define SUSPENDS [[clang::annotate("await_holding::suspends")]]

namespace fiber {
[[clang::annotate("await_holding::suspends")]] void park();
SUSPENDS void sleep(int ms);
void wake();

class Channel {
public:
  SUSPENDS int receive();
  int size() const;
};

// Annotated here; the redeclaration below carries no annotation.
SUSPENDS void hop();
void hop();

// Annotated only on the definition, which comes after the first call.
void late();
} // namespace fiber

coro::task<> baz();
std::mutex m;

void bad_plain_function() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  fiber::park();                    // expect-note {{suspended here by call to 'fiber::park'}}
}

void bad_macro_annotated() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  fiber::sleep(10);                 // expect-note {{suspended here by call to 'fiber::sleep'}}
}

int bad_member_function(fiber::Channel &ch) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  return ch.receive();              // expect-note {{suspended here by call to 'fiber::Channel::receive'}}
}

coro::task<> bad_in_coroutine() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  fiber::park();                    // expect-note {{suspended here by call to 'fiber::park'}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

void bad_annotated_on_earlier_declaration() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  fiber::hop();                     // expect-note {{suspended here by call to 'fiber::hop'}}
}

void bad_annotated_on_later_definition() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  fiber::late();                    // expect-note {{suspended here by call to 'fiber::late'}}
}

void good_unannotated_calls(fiber::Channel &ch) {
  std::lock_guard<std::mutex> no_warning_1(m);
  fiber::wake();
  (void)ch.size();
}

void good_annotated_call_after_block() {
  {
    std::lock_guard<std::mutex> no_warning_2(m);
  }
  fiber::park();
}

SUSPENDS void fiber::late() {}
