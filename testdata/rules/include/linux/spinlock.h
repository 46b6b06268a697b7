/*
 * linux/spinlock.h, rwlock.h, spinlock_api_smp.h (stand-in, SMP,
 * !PREEMPT_RT, !DEBUG_LOCK_ALLOC): spin_lock() and friends are inline
 * functions over raw_spin_lock(), which like read_lock()/write_lock() is a
 * macro for an out-of-line _raw_ function; the *_irqsave forms are
 * macros that assign the saved flags.
 */
#ifndef AWAIT_HOLDING_RULES_LINUX_SPINLOCK_H
#define AWAIT_HOLDING_RULES_LINUX_SPINLOCK_H

#include "cleanup.h"
#include "compiler.h"

typedef struct raw_spinlock {
	unsigned int raw_lock;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

typedef struct {
	unsigned int raw_lock;
} rwlock_t;

void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);

void _raw_read_lock(rwlock_t *lock);
void _raw_write_lock(rwlock_t *lock);
unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_lock_bh(lock) _raw_spin_lock_bh(lock)
#define raw_spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define raw_spin_trylock(lock) _raw_spin_trylock(lock)
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#define raw_spin_unlock_bh(lock) _raw_spin_unlock_bh(lock)
#define raw_spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags)                  \
	do {                                                \
		typecheck(unsigned long, flags);            \
		flags = _raw_spin_lock_irqsave(lock);       \
	} while (0)
#define raw_spin_unlock_irqrestore(lock, flags)             \
	do {                                                \
		typecheck(unsigned long, flags);            \
		_raw_spin_unlock_irqrestore(lock, flags);   \
	} while (0)

#define read_lock(lock) _raw_read_lock(lock)
#define write_lock(lock) _raw_write_lock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define read_lock_irqsave(lock, flags)                      \
	do {                                                \
		typecheck(unsigned long, flags);            \
		flags = _raw_read_lock_irqsave(lock);       \
	} while (0)
#define read_unlock_irqrestore(lock, flags)                 \
	do {                                                \
		typecheck(unsigned long, flags);            \
		_raw_read_unlock_irqrestore(lock, flags);   \
	} while (0)

static __always_inline raw_spinlock_t *spinlock_check(spinlock_t *lock)
{
	return &lock->rlock;
}

static __always_inline void spin_lock(spinlock_t *lock)
{
	raw_spin_lock(&lock->rlock);
}
static __always_inline void spin_lock_bh(spinlock_t *lock)
{
	raw_spin_lock_bh(&lock->rlock);
}
static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	raw_spin_lock_irq(&lock->rlock);
}
static __always_inline int spin_trylock(spinlock_t *lock)
{
	return raw_spin_trylock(&lock->rlock);
}
#define spin_lock_irqsave(lock, flags)                              \
	do {                                                        \
		raw_spin_lock_irqsave(spinlock_check(lock), flags); \
	} while (0)
static __always_inline void spin_unlock(spinlock_t *lock)
{
	raw_spin_unlock(&lock->rlock);
}
static __always_inline void spin_unlock_bh(spinlock_t *lock)
{
	raw_spin_unlock_bh(&lock->rlock);
}
static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	raw_spin_unlock_irq(&lock->rlock);
}
static __always_inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	raw_spin_unlock_irqrestore(&lock->rlock, flags);
}

DEFINE_LOCK_GUARD_1(raw_spinlock, raw_spinlock_t,
		    raw_spin_lock(_T->lock),
		    raw_spin_unlock(_T->lock))

DEFINE_LOCK_GUARD_1(raw_spinlock_irqsave, raw_spinlock_t,
		    raw_spin_lock_irqsave(_T->lock, _T->flags),
		    raw_spin_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

DEFINE_LOCK_GUARD_1(spinlock, spinlock_t,
		    spin_lock(_T->lock),
		    spin_unlock(_T->lock))

DEFINE_LOCK_GUARD_1_COND(spinlock, _try, spin_trylock(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t,
		    spin_lock_irq(_T->lock),
		    spin_unlock_irq(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_bh, spinlock_t,
		    spin_lock_bh(_T->lock),
		    spin_unlock_bh(_T->lock))

DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t,
		    spin_lock_irqsave(_T->lock, _T->flags),
		    spin_unlock_irqrestore(_T->lock, _T->flags),
		    unsigned long flags)

DEFINE_LOCK_GUARD_1(read_lock, rwlock_t,
		    read_lock(_T->lock),
		    read_unlock(_T->lock))

DEFINE_LOCK_GUARD_1(write_lock, rwlock_t,
		    write_lock(_T->lock),
		    write_unlock(_T->lock))

#endif
