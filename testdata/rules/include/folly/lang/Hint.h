// folly/lang/Hint.h (stand-in): folly's marker for types that must not
// live across a coroutine suspension point ("the current thread must not
// be yielded in any way during the lifetime of any tagged object").  A
// class is marked by deriving from, or holding, unsafe_for_async_usage.
#ifndef AWAIT_HOLDING_RULES_FOLLY_LANG_HINT_H
#define AWAIT_HOLDING_RULES_FOLLY_LANG_HINT_H

namespace folly {

struct true_type_ {
  static constexpr bool value = true;
};

struct unsafe_for_async_usage {
  using folly_is_unsafe_for_async_usage = true_type_;
};

template <bool If>
struct unsafe_for_async_usage_if {};

template <>
struct unsafe_for_async_usage_if<true> {
  using folly_is_unsafe_for_async_usage = true_type_;
};

} // namespace folly

#endif
