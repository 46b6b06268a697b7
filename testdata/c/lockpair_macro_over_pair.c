// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_spin_shim.toml
//
// A lock pair that names a macro expanding to another pair's function:
// bcachefs-tools' userspace shim (include/linux/spinlock_types.h) defines
// spin_lock() as a macro for the inline function raw_spin_lock(), and the
// configuration lists both.  Each lock is reported once per site, as the
// macro that was written.
#include "pthread_stub.h"

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

#define raw_spin_lock_irqsave(lock, flags) \
	do {                               \
		flags = 0;                 \
		raw_spin_lock(lock);       \
	} while (0)
#define raw_spin_unlock_irqrestore(lock, flags) raw_spin_unlock(lock)

typedef raw_spinlock_t spinlock_t;

#define spin_lock(lock) raw_spin_lock(lock)
#define spin_unlock(lock) raw_spin_unlock(lock)
#define spin_lock_irqsave(lock, flags) raw_spin_lock_irqsave(lock, flags)
#define spin_unlock_irqrestore(lock, flags) raw_spin_unlock_irqrestore(lock, flags)
/* two locks taken by one macro: two findings at one site */
#define spin_lock_both(a, b) do { raw_spin_lock(a); raw_spin_lock(b); } while (0)
#define spin_unlock_both(a, b) do { raw_spin_unlock(b); raw_spin_unlock(a); } while (0)

void msleep(unsigned int msecs);

struct journal {
	spinlock_t lock;
	spinlock_t other;
};

void bad_spin_lock_macro(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	msleep(1);           // expect-note {{suspended here by call to 'msleep'}}
	spin_unlock(&j->lock);
}

void bad_spin_lock_irqsave_macro(struct journal *j)
{
	unsigned long flags;
	spin_lock_irqsave(&j->lock, flags); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	msleep(1);                          // expect-note {{suspended here by call to 'msleep'}}
	spin_unlock_irqrestore(&j->lock, flags);
}

void bad_raw_spin_lock_function(struct journal *j)
{
	raw_spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	msleep(1);               // expect-note {{suspended here by call to 'msleep'}}
	raw_spin_unlock(&j->lock);
}

void bad_two_locks_one_macro(struct journal *j)
{
	spin_lock_both(&j->lock, &j->other); // expect-warning {{'j->lock' of type 'spinlock_t'}} expect-warning {{'j->other' of type 'spinlock_t'}}
	msleep(1);                           // expect-note 2 {{suspended here by call to 'msleep'}}
	spin_unlock_both(&j->lock, &j->other);
}

void good_released_by_the_macro(struct journal *j)
{
	unsigned long flags;
	spin_lock(&j->lock);
	spin_unlock(&j->lock);
	spin_lock_irqsave(&j->lock, flags);
	spin_unlock_irqrestore(&j->lock, flags);
	msleep(1);
}
