// asio/this_coro.hpp and asio/awaitable.hpp (stand-in), standalone Asio.
#ifndef AWAIT_HOLDING_RULES_ASIO_THIS_CORO_HPP
#define AWAIT_HOLDING_RULES_ASIO_THIS_CORO_HPP

#include "../std_stub.h"

namespace asio {
#include "impl_stub.ipp"
} // namespace asio

#endif
