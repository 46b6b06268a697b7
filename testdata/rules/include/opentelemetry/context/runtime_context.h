// opentelemetry/context/runtime_context.h (stand-in): attaching a Context
// pushes it on a thread-local stack; the returned Token pops it when
// destroyed.
#ifndef AWAIT_HOLDING_RULES_OPENTELEMETRY_CONTEXT_RUNTIME_CONTEXT_H
#define AWAIT_HOLDING_RULES_OPENTELEMETRY_CONTEXT_RUNTIME_CONTEXT_H

#include "../nostd/unique_ptr.h"
#include "../version.h"

OPENTELEMETRY_BEGIN_NAMESPACE
namespace context {

class Context {
public:
  Context SetValue(const char *key, int value) const noexcept;
};

class Token {
public:
  ~Token();

private:
  friend class RuntimeContextStorage;
  Token() noexcept = default;
  explicit Token(const Context &context) : context_(context) {}
  const Context context_;
};

class RuntimeContextStorage {
public:
  virtual ~RuntimeContextStorage() {}

protected:
  nostd::unique_ptr<Token> CreateToken(const Context &context) noexcept {
    return nostd::unique_ptr<Token>(new Token(context));
  }
};

class RuntimeContext {
public:
  static Context GetCurrent() noexcept;
  static nostd::unique_ptr<Token> Attach(const Context &context) noexcept;
  static bool Detach(Token &token) noexcept;
};

inline Token::~Token() {
  context::RuntimeContext::Detach(*this);
}

} // namespace context
OPENTELEMETRY_END_NAMESPACE

#endif
