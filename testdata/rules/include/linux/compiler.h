/* linux/compiler.h, compiler_types.h, typecheck.h (stand-in). */
#ifndef AWAIT_HOLDING_RULES_LINUX_COMPILER_H
#define AWAIT_HOLDING_RULES_LINUX_COMPILER_H

#include <stdbool.h>
#include <stddef.h>

#define __always_inline inline __attribute__((__always_inline__))
#define __maybe_unused __attribute__((__unused__))
#define __must_check __attribute__((__warn_unused_result__))
#define __cleanup(func) __attribute__((__cleanup__(func)))
#define __percpu
#define __user
#define unlikely(x) __builtin_expect(!!(x), 0)

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define typecheck(type, x) \
	({ type __dummy; __typeof__(x) __dummy2; (void)(&__dummy == &__dummy2); 1; })

#endif
