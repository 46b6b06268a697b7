// folly/io/async/Request.h (stand-in): the thread's current
// RequestContext and the scope guards that set it until they die.
#ifndef AWAIT_HOLDING_RULES_FOLLY_IO_ASYNC_REQUEST_H
#define AWAIT_HOLDING_RULES_FOLLY_IO_ASYNC_REQUEST_H

#include "../../../std_stub.h"

namespace folly {

class RequestContext {
public:
  static std::shared_ptr<RequestContext> setContext(std::shared_ptr<RequestContext> const &ctx);
  static std::shared_ptr<RequestContext> saveContext();
  static std::shared_ptr<RequestContext> create();
  static RequestContext *get();
};

class RequestContextSaverScopeGuard {
public:
  RequestContextSaverScopeGuard() : prev_(RequestContext::saveContext()) {}
  RequestContextSaverScopeGuard(const RequestContextSaverScopeGuard &) = delete;
  ~RequestContextSaverScopeGuard() { RequestContext::setContext(prev_); }

protected:
  explicit RequestContextSaverScopeGuard(std::shared_ptr<RequestContext> &&ctx) : prev_(ctx) {}

private:
  std::shared_ptr<RequestContext> prev_;
};

class RequestContextScopeGuard : private RequestContextSaverScopeGuard {
public:
  RequestContextScopeGuard() : RequestContextSaverScopeGuard(RequestContext::create()) {}
  explicit RequestContextScopeGuard(std::shared_ptr<RequestContext> const &ctx)
      : RequestContextSaverScopeGuard(RequestContext::setContext(ctx)) {}
};

struct ShallowCopyRequestContextScopeGuard {
  ShallowCopyRequestContextScopeGuard() : prev_(RequestContext::saveContext()) {}
  ShallowCopyRequestContextScopeGuard(const ShallowCopyRequestContextScopeGuard &) = delete;
  ~ShallowCopyRequestContextScopeGuard() { RequestContext::setContext(prev_); }

private:
  std::shared_ptr<RequestContext> prev_;
};

} // namespace folly

#endif
