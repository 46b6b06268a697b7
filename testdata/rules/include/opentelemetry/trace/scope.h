// opentelemetry/trace/scope.h and tracer.h (stand-in): a Scope makes a
// span the active one by attaching it to the runtime context until the
// Scope is destroyed.
#ifndef AWAIT_HOLDING_RULES_OPENTELEMETRY_TRACE_SCOPE_H
#define AWAIT_HOLDING_RULES_OPENTELEMETRY_TRACE_SCOPE_H

#include "../context/runtime_context.h"
#include "../nostd/unique_ptr.h"
#include "../version.h"

OPENTELEMETRY_BEGIN_NAMESPACE
namespace trace {

class Span {
public:
  virtual ~Span() {}
  virtual void End() noexcept {}
};

class Scope final {
public:
  Scope(const nostd::shared_ptr<Span> &span) noexcept
      : token_(context::RuntimeContext::Attach(context::RuntimeContext::GetCurrent())) {}

private:
  nostd::unique_ptr<context::Token> token_;
};

class Tracer {
public:
  virtual ~Tracer() {}
  nostd::shared_ptr<Span> StartSpan(const char *name) noexcept;
  static Scope WithActiveSpan(nostd::shared_ptr<Span> &span) noexcept { return Scope{span}; }
  static nostd::shared_ptr<Span> GetCurrentSpan() noexcept;
};

} // namespace trace
OPENTELEMETRY_END_NAMESPACE

#endif
