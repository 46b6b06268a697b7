/* lthread.h (stand-in): halayli/lthread's API. */
#ifndef AWAIT_HOLDING_RULES_LTHREAD_H
#define AWAIT_HOLDING_RULES_LTHREAD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct lthread lthread_t;
typedef struct lthread_cond lthread_cond_t;

int lthread_create(lthread_t **new_lt, void *fun, void *arg);
int lthread_join(lthread_t *lt, void **ptr, uint64_t timeout);
void lthread_exit(void *ptr);
void lthread_sleep(uint64_t msecs);
int lthread_cond_wait(lthread_cond_t *c, uint64_t timeout);
void lthread_cond_signal(lthread_cond_t *c);
ssize_t lthread_recv(int fd, void *buf, size_t buf_len, int flags, uint64_t timeout);
ssize_t lthread_send(int fd, const void *buf, size_t buf_len, int flags);

#endif
