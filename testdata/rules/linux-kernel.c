// verify-config: linux-kernel
// verify-args: -std=gnu11 -I include
//
// The "linux-kernel" pack: a call that may sleep while the context is
// atomic.  The guards are cleanup.h guard()/scoped_guard() variables
// (class_spinlock_t, class_rcu_t, ...) and lock/unlock call pairs; a
// sleeping lock (mutex) is not a guard, but taking one is a sleeping call.
#include "linux/mutex.h"
#include "linux/rcupdate.h"
#include "linux/sched.h"
#include "linux/spinlock.h"

struct dev {
	spinlock_t lock;
	raw_spinlock_t raw;
	rwlock_t rw;
	struct mutex mutex;
	struct completion done;
	wait_queue_head_t wq;
	int ready;
	int value;
};

void bad_guard_spinlock_msleep(struct dev *d)
{
	guard(spinlock)(&d->lock); // expect-warning {{of type 'class_spinlock_t' is held across a suspension point}}
	// expect-note@-1 {{reason: guard(spinlock) keeps a spinlock held until the end of the scope (atomic context)}}
	d->value++;
	msleep(10); // expect-note {{suspended here by call to 'msleep'}}
}

// scoped_guard() in its earlier form, before the label-and-goto form of
// current kernels: the guard variable 'scope' lives in the for statement.
#define scoped_guard_done(_name, args...)                      \
	for (CLASS(_name, scope)(args), *done = NULL;          \
	     __guard_ptr(_name)(&scope) && !done; done = (void *)1)

void bad_scoped_guard_irqsave_mutex(struct dev *d)
{
	scoped_guard_done(spinlock_irqsave, &d->lock) { // expect-warning {{of type 'class_spinlock_irqsave_t' is held across a suspension point}}
		// expect-note@-1 {{reason: guard(spinlock_irqsave) keeps a spinlock with interrupts disabled held}}
		mutex_lock(&d->mutex); // expect-note {{suspended here by call to 'mutex_lock'}}
		mutex_unlock(&d->mutex);
	}
}

// The _try variant's class is a typedef of class_spinlock_t.
void bad_conditional_guard(struct dev *d)
{
	scoped_guard_done(spinlock_try, &d->lock) { // expect-warning {{of type 'class_spinlock_try_t'}}
		// expect-note@-1 {{reason: guard(spinlock) keeps a spinlock held}}
		cond_resched(); // expect-note {{suspended here by macro 'cond_resched'}}
	}
}

// scoped_guard() as the kernel defines it now, with a label and a
// statement-expression goto around the body ("if (0) { label: break; }
// else BODY").
void bad_scoped_guard_current_kernel(struct dev *d)
{
	scoped_guard(spinlock, &d->lock) { // expect-warning {{'scoped_guard(spinlock, &d->lock)' of type 'class_spinlock_t'}}
		// expect-note@-1 {{reason: guard(spinlock) keeps a spinlock held}}
		mutex_lock(&d->mutex); // expect-note {{suspended here by call to 'mutex_lock'}}
		mutex_unlock(&d->mutex);
	}
}

void good_scoped_guard_current_kernel(struct dev *d)
{
	scoped_guard(spinlock, &d->lock) {
		d->value++;
	}
	mutex_lock(&d->mutex);
	mutex_unlock(&d->mutex);
}

void bad_rcu_guard_synchronize(struct dev *d)
{
	guard(rcu)(); // expect-warning {{of type 'class_rcu_t'}}
	// expect-note@-1 {{reason: guard(rcu) keeps an RCU read-side critical section open}}
	d->value = 0;
	synchronize_rcu(); // expect-note {{suspended here by call to 'synchronize_rcu'}}
}

void bad_preempt_and_irq_guards(struct dev *d)
{
	guard(preempt)(); // expect-warning {{of type 'class_preempt_t'}}
	// expect-note@-1 {{reason: guard(preempt) keeps preemption disabled}}
	guard(irq)(); // expect-warning {{of type 'class_irq_t'}}
	// expect-note@-1 {{reason: guard(irq) keeps local interrupts disabled}}
	wait_for_completion(&d->done); // expect-note 2 {{suspended here by call to 'wait_for_completion'}}
}

// guard(mutex) under a spinlock: the mutex guard's constructor sleeps.
void bad_mutex_guard_under_spinlock(struct dev *d)
{
	guard(raw_spinlock)(&d->raw); // expect-warning {{of type 'class_raw_spinlock_t'}}
	// expect-note@-1 {{reason: guard(raw_spinlock) keeps a raw spinlock held}}
	guard(mutex)(&d->mutex); // expect-note {{suspended here by call to 'class_mutex_constructor'}}
	d->value++;
}

void bad_spin_lock_pair(struct dev *d, const int __user *uptr)
{
	int v;
	spin_lock(&d->lock); // expect-warning {{'d->lock' of type 'spinlock_t' is held across a suspension point}}
	// expect-note@-1 {{reason: a spinlock held across a call that may sleep is a 'scheduling while atomic' bug}}
	(void)copy_from_user(&v, uptr, sizeof(v)); // expect-note {{suspended here by call to 'copy_from_user'}}
	get_user(v, uptr);                   // expect-note {{suspended here by macro 'get_user'}}
	d->value = v;
	spin_unlock(&d->lock);
}

void bad_spin_lock_irq_wait_event(struct dev *d)
{
	spin_lock_irq(&d->lock); // expect-warning {{'d->lock' of type 'spinlock_t'}}
	// expect-note@-1 {{reason: a spinlock (interrupts disabled) held}}
	wait_event(d->wq, d->ready); // expect-note {{suspended here by macro 'wait_event'}}
	spin_unlock_irq(&d->lock);
}

void bad_raw_and_rwlock_pairs(struct dev *d)
{
	unsigned long flags;
	raw_spin_lock(&d->raw); // expect-warning {{'d->raw' of type 'raw_spinlock_t'}}
	// expect-note@-1 {{reason: a raw spinlock held}}
	might_sleep(); // expect-note {{suspended here by macro 'might_sleep'}}
	raw_spin_unlock(&d->raw);

	read_lock_irqsave(&d->rw, flags); // expect-warning {{'d->rw' of type 'rwlock_t'}}
	// expect-note@-1 {{reason: a read-locked rwlock (interrupts disabled) held}}
	msleep(1); // expect-note {{suspended here by call to 'msleep'}}
	read_unlock_irqrestore(&d->rw, flags);

	read_lock(&d->rw); // expect-warning {{'d->rw' of type 'rwlock_t'}}
	// expect-note@-1 {{reason: a read-locked rwlock held}}
	void *p = vmalloc(4096); // expect-note {{suspended here by call to 'vmalloc'}}
	read_unlock(&d->rw);
	(void)p;
}

// rcu_read_lock()/rcu_read_unlock() and local_bh_disable()/
// local_bh_enable() take no argument: each pair is one lock, named by its
// acquire function.
void bad_rcu_read_lock_pair(struct dev *d)
{
	rcu_read_lock(); // expect-warning {{'rcu_read_lock' of type 'critical section' is held across a suspension point}}
	// expect-note@-1 {{reason: blocking inside an RCU read-side critical section}}
	d->value = 1;
	synchronize_rcu(); // expect-note {{suspended here by call to 'synchronize_rcu'}}
	rcu_read_unlock();
	local_bh_disable(); // expect-warning {{'local_bh_disable' of type 'critical section' is held across a suspension point}}
	// expect-note@-1 {{reason: sleeping with bottom halves disabled}}
	msleep(1); // expect-note {{suspended here by call to 'msleep'}}
	local_bh_enable();
}

void good_rcu_read_unlocked_first(struct dev *d)
{
	rcu_read_lock();
	d->value = 1;
	rcu_read_unlock();
	synchronize_rcu();
}

// A sleeping lock is not a guard: sleeping under a mutex is allowed.
void good_sleep_under_mutex(struct dev *d)
{
	guard(mutex)(&d->mutex);
	msleep(10);
	mutex_lock(&d->mutex);
	wait_for_completion(&d->done);
	mutex_unlock(&d->mutex);
}

void good_scoped_guard_ends_before_sleep(struct dev *d)
{
	scoped_guard(spinlock, &d->lock) {
		d->value++;
	}
	msleep(10);
	{
		guard(rcu)();
		d->value--;
	}
	synchronize_rcu();
}

void good_unlock_before_sleep(struct dev *d)
{
	spin_lock(&d->lock);
	d->value++;
	spin_unlock(&d->lock);
	schedule();
	write_lock(&d->rw);
	d->value++;
	write_unlock(&d->rw);
	msleep(1);
}

// Busy-waiting is allowed in atomic context.
void good_udelay_under_spinlock(struct dev *d)
{
	guard(spinlock)(&d->lock);
	udelay(10);
}

// spin_lock_irqsave() and raw_spin_lock_irqsave() are macros: the pairs
// name the macros, and the lock is the macro's first argument.
void bad_spin_lock_irqsave(struct dev *d)
{
	unsigned long flags;
	spin_lock_irqsave(&d->lock, flags); // expect-warning {{'d->lock' of type 'lock taken by spin_lock_irqsave' is held across a suspension point}}
	// expect-note@-1 {{reason: a spinlock (interrupts disabled) held}}
	msleep(1); // expect-note {{suspended here by call to 'msleep'}}
	spin_unlock_irqrestore(&d->lock, flags);
	raw_spin_lock_irqsave(&d->raw, flags); // expect-warning {{'d->raw' of type 'lock taken by raw_spin_lock_irqsave'}}
	// expect-note@-1 {{reason: a raw spinlock (interrupts disabled) held}}
	msleep(1); // expect-note {{suspended here by call to 'msleep'}}
	raw_spin_unlock_irqrestore(&d->raw, flags);
}

// Released by the matching macro or inline function: silent.
void good_sleep_after_spin_unlock_irqrestore(struct dev *d)
{
	unsigned long flags;
	spin_lock_irqsave(&d->lock, flags);
	d->value++;
	spin_unlock_irqrestore(&d->lock, flags);
	msleep(1);
}
