/*
 * aco.h (stand-in): libaco's API.  aco_yield() and aco_exit() are macros
 * around the assembly context switch acosw().
 */
#ifndef AWAIT_HOLDING_RULES_ACO_H
#define AWAIT_HOLDING_RULES_ACO_H

#include <stddef.h>

typedef struct aco_s aco_t;
struct aco_s {
	void *reg[9];
	aco_t *main_co;
	void *arg;
	char is_end;
};

extern void *acosw(aco_t *from_co, aco_t *to_co) __asm__("acosw");
extern __thread aco_t *aco_gtls_co;
extern void aco_resume(aco_t *resume_co);

#define aco_assertptr(ptr) ((void)(ptr))

#define aco_yield1(yield_co) do {                 \
	aco_assertptr((yield_co));                \
	aco_assertptr((yield_co)->main_co);       \
	acosw((yield_co), (yield_co)->main_co);   \
} while (0)

#define aco_yield() do {        \
	aco_yield1(aco_gtls_co);  \
} while (0)

#define aco_get_arg() (aco_gtls_co->arg)

#define aco_exit1(co) do {      \
	(co)->is_end = 1;       \
	aco_yield1((co));       \
} while (0)

#define aco_exit() do {          \
	aco_exit1(aco_gtls_co);  \
} while (0)

#endif
