// boost/asio/this_coro.hpp and boost/asio/awaitable.hpp (stand-in).
#ifndef AWAIT_HOLDING_RULES_BOOST_ASIO_THIS_CORO_HPP
#define AWAIT_HOLDING_RULES_BOOST_ASIO_THIS_CORO_HPP

#include "../../std_stub.h"

namespace boost {
namespace asio {
#include "../../asio/impl_stub.ipp"
} // namespace asio
} // namespace boost

#endif
