/* linux/mutex.h, rwsem.h, semaphore.h (stand-in): sleeping locks. */
#ifndef AWAIT_HOLDING_RULES_LINUX_MUTEX_H
#define AWAIT_HOLDING_RULES_LINUX_MUTEX_H

#include "cleanup.h"
#include "compiler.h"

struct mutex {
	long owner;
};
void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

struct rw_semaphore {
	long count;
};
void down_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))

struct semaphore {
	unsigned int count;
};
void down(struct semaphore *sem);
int __must_check down_interruptible(struct semaphore *sem);
void up(struct semaphore *sem);

#endif
