// coro_c_stub.h - C coroutine and fiber libraries, and the annotation macro.
//
// Declarations only, with the names of the real libraries:
//   libaco   aco_yield() switches back to the main co, aco_resume(co) runs co
//   libco    co_yield_ct() yields the current routine, co_resume(co) runs one
//   libdill  yield(), msleep(deadline), chrecv()/chsend() park the coroutine
//   a fiber scheduler's sched_yield_fiber()
// Which of them suspend is decided by the configuration (suspend-functions),
// not by this header.  AWAIT_HOLDING_SUSPENDS is what the project's
// await_holding.h will provide; it is defined here until that header exists.
#ifndef AWAIT_HOLDING_TESTDATA_C_CORO_C_STUB_H
#define AWAIT_HOLDING_TESTDATA_C_CORO_C_STUB_H

#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef AWAIT_HOLDING_SUSPENDS
#define AWAIT_HOLDING_SUSPENDS __attribute__((annotate("await_holding::suspends")))
#endif

// ---- libaco ----
// (In libaco aco_yield() is a macro around the assembly routine acosw;
// a function here, so that the configuration can name it.)
typedef struct aco_s aco_t;
typedef void (*aco_cofuncp_t)(void);
aco_t *aco_create(aco_t *main_co, void *share_stack, unsigned long save_stack_sz,
                  aco_cofuncp_t fp, void *arg);
void aco_resume(aco_t *resume_co);
void aco_yield(void);
void *aco_get_arg(void);
void aco_exit(void);

// ---- libco ----
typedef struct stCoRoutine_t stCoRoutine_t;
int co_create(stCoRoutine_t **co, const void *attr, void *(*routine)(void *),
              void *arg);
void co_resume(stCoRoutine_t *co);
void co_yield_ct(void);
void co_yield(stCoRoutine_t *co);
stCoRoutine_t *co_self(void);

// ---- libdill ----
#define coroutine __attribute__((noinline))
typedef long int int64_t;
int64_t now(void);
int yield(void);
int msleep(int64_t deadline);
int chmake(int chv[2]);
int chsend(int ch, const void *val, unsigned long len, int64_t deadline);
int chrecv(int ch, void *val, unsigned long len, int64_t deadline);

// ---- a fiber scheduler ----
void sched_yield_fiber(void);

#endif
