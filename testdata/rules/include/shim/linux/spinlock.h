/*
 * include/linux/spinlock_types.h of bcachefs-tools (stand-in): spinlocks
 * are pthread mutexes, spin_lock() a macro over the inline function
 * raw_spin_lock().
 */
#ifndef AWAIT_HOLDING_RULES_SHIM_SPINLOCK_H
#define AWAIT_HOLDING_RULES_SHIM_SPINLOCK_H

#include <pthread.h>

typedef struct {
	pthread_mutex_t lock;
} raw_spinlock_t;

static inline void raw_spin_lock(raw_spinlock_t *lock)
{
	pthread_mutex_lock(&lock->lock);
}

static inline void raw_spin_unlock(raw_spinlock_t *lock)
{
	pthread_mutex_unlock(&lock->lock);
}

typedef raw_spinlock_t spinlock_t;
#define spin_lock(lock) raw_spin_lock(lock)
#define spin_unlock(lock) raw_spin_unlock(lock)

#endif
