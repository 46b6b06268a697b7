// opentelemetry/version.h (stand-in): the API lives in an inline
// namespace named after the ABI version.
#ifndef AWAIT_HOLDING_RULES_OPENTELEMETRY_VERSION_H
#define AWAIT_HOLDING_RULES_OPENTELEMETRY_VERSION_H

#define OPENTELEMETRY_ABI_VERSION_NO 1
#define OPENTELEMETRY_BEGIN_NAMESPACE \
  namespace opentelemetry {           \
  inline namespace v1 {
#define OPENTELEMETRY_END_NAMESPACE \
  }                                 \
  }

#endif
