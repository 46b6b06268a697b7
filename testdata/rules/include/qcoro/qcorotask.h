// qcoro/qcorotask.h (stand-in): QCoro's coroutine task type, the usual way
// to write coroutines with Qt.
#ifndef AWAIT_HOLDING_RULES_QCORO_QCOROTASK_H
#define AWAIT_HOLDING_RULES_QCORO_QCOROTASK_H

#include "../std_stub.h"

namespace QCoro {
template <typename T = void>
using Task = demo::task<T>;
} // namespace QCoro

#endif
