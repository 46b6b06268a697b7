/*
 * co_routine.h (stand-in): Tencent libco's API, in the variant that also
 * compiles as C (the attribute struct's constructor only in C++).
 */
#ifndef AWAIT_HOLDING_RULES_CO_ROUTINE_H
#define AWAIT_HOLDING_RULES_CO_ROUTINE_H

#include <poll.h>

#ifdef __cplusplus
extern "C" {
#endif

struct stCoRoutine_t;
struct stCoRoutineEnv_t;
struct stCoEpoll_t;
struct stCoCond_t;

int co_create(struct stCoRoutine_t **co, const void *attr, void *(*routine)(void *), void *arg);
void co_resume(struct stCoRoutine_t *co);
#ifndef __cplusplus
void co_yield(struct stCoRoutine_t *co); /* a keyword in C++20 */
#endif
void co_yield_ct(void);
void co_yield_env(struct stCoRoutineEnv_t *env);
struct stCoRoutine_t *co_self(void);
int co_poll(struct stCoEpoll_t *ctx, struct pollfd fds[], nfds_t nfds, int timeout_ms);
struct stCoEpoll_t *co_get_epoll_ct(void);
typedef int (*pfn_co_eventloop_t)(void *);
void co_eventloop(struct stCoEpoll_t *ctx, pfn_co_eventloop_t pfn, void *arg);
void co_enable_hook_sys(void);
struct stCoCond_t *co_cond_alloc(void);
int co_cond_signal(struct stCoCond_t *);
int co_cond_timedwait(struct stCoCond_t *, int timeout_ms);

#ifdef __cplusplus
}
#endif

#endif
