// verify-config: linux-kernel
// verify-args: -std=gnu11 -I include
//
// The "linux-kernel" pack: allocations that sleep unless their gfp flags
// say otherwise, wrappers that pass the flags on, cleanup(fn) calls that
// may sleep, the wait_event*() macros, and the atomic-context locks in
// their other spellings.
#include "linux/mutex.h"
#include "linux/rcupdate.h"
#include "linux/sched.h"
#include "linux/slab.h"
#include "linux/spinlock.h"

struct journal_buf {
	void *data;
	unsigned long size;
};

struct journal {
	spinlock_t lock;
	raw_spinlock_t raw;
	struct mutex buf_lock;
	wait_queue_head_t wait;
	struct journal_buf buf[4];
	int err;
};

void good_atomic_allocations(struct journal *j)
{
	spin_lock(&j->lock);
	j->buf[0].data = kmalloc(64, GFP_ATOMIC);
	j->buf[1].data = kzalloc(64, GFP_NOWAIT | __GFP_NOWARN);
	j->buf[2].data = kvmalloc(64, GFP_NOWAIT);
	j->buf[3].data = kcalloc(4, 16, GFP_ATOMIC);
	spin_unlock(&j->lock);
}

void bad_sleeping_allocations(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	// expect-note@-1 {{reason: a spinlock held across a call that may sleep}}
	j->buf[0].data = kmalloc(64, GFP_KERNEL); // expect-note {{suspended here by macro 'kmalloc'}}
	j->buf[1].data = kzalloc(64, GFP_NOFS);   // expect-note {{suspended here by macro 'kzalloc'}}
	j->buf[2].data = kvmalloc(64, GFP_NOIO);  // expect-note {{suspended here by macro 'kvmalloc'}}
	j->buf[3].data = kcalloc(4, 16, GFP_KERNEL); // expect-note {{suspended here by macro 'kcalloc'}}
	spin_unlock(&j->lock);
}

// bcachefs's darray: darray_push_gfp() -> __bch2_darray_resize_noprof() ->
// kvmalloc(), the gfp flags passed on at every step.
int __bch2_darray_resize_noprof(void *d, size_t element_size, size_t new_size,
				gfp_t gfp)
{
	void *data = kvmalloc(new_size * element_size, gfp);
	return data ? 0 : -12;
}

#define __darray_resize(d, t_size, new_size, gfp) \
	__bch2_darray_resize_noprof(d, t_size, new_size, gfp)
#define darray_make_room_gfp(_d, _more, _gfp) \
	__darray_resize((_d), sizeof(int), (_more), _gfp)
#define darray_push_gfp(_d, _item, _gfp) \
	({ int _ret = darray_make_room_gfp((_d), 1, _gfp); (void)(_item); _ret; })

static void *zalloc_wrapper(size_t n, gfp_t gfp)
{
	return kmalloc(n, gfp | __GFP_ZERO);
}

void good_wrappers_pass_gfp_nowait(struct journal *j)
{
	spin_lock(&j->lock);
	darray_push_gfp(j, 1, GFP_NOWAIT);
	zalloc_wrapper(8, GFP_ATOMIC);
	spin_unlock(&j->lock);
}

void bad_wrappers_pass_gfp_kernel(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	// expect-note@-1 {{reason: a spinlock held}}
	darray_push_gfp(j, 1, GFP_KERNEL); // expect-note {{suspended here by call that may suspend (__bch2_darray_resize_noprof -> kvmalloc)}}
	zalloc_wrapper(8, GFP_KERNEL);     // expect-note {{suspended here by call that may suspend (zalloc_wrapper -> kmalloc)}}
	spin_unlock(&j->lock);
}

// bcachefs cc0adf848: kvfree() through __free(kvfree) at the closing brace
// of a scoped_guard() block, with j->lock held.
void bad_kvfree_at_scope_end(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	// expect-note@-1 {{reason: a spinlock held}}
	scoped_guard(mutex, &j->buf_lock) { // expect-note {{suspended here by call to 'class_mutex_constructor'}}
		void *buf_to_free __free(kvfree) = w->data;
		w->data = NULL;
	} // expect-note {{suspended here by cleanup of 'buf_to_free' (kvfree may sleep)}}
	spin_unlock(&j->lock);
}

void good_kvfree_after_unlock(struct journal *j, struct journal_buf *w)
{
	void *buf_to_free __free(kvfree) = NULL;
	spin_lock(&j->lock);
	buf_to_free = w->data;
	w->data = NULL;
	spin_unlock(&j->lock);
}

void good_kfree_and_stolen(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock);
	{
		void *p __free(kfree) = w->data;
		void *q __free(kvfree) = j->buf[1].data;
		j->buf[0].data = no_free_ptr(q);
		w->data = NULL;
	}
	spin_unlock(&j->lock);
}

void bad_wait_event_and_vfree(struct journal *j)
{
	unsigned long flags;
	raw_spin_lock_irqsave(&j->raw, flags); // expect-warning {{'j->raw' of type 'lock taken by raw_spin_lock_irqsave'}}
	// expect-note@-1 {{reason: a raw spinlock (interrupts disabled) held}}
	wait_event(j->wait, !j->err); // expect-note {{suspended here by macro 'wait_event'}}
	vfree(j->buf[0].data);        // expect-note {{suspended here by call to 'vfree'}}
	raw_spin_unlock_irqrestore(&j->raw, flags);
}

// raw_spin_lock() is a macro over _raw_spin_lock(): one lock, one finding.
void bad_raw_spin_lock_once(struct journal *j)
{
	raw_spin_lock(&j->raw); // expect-warning {{'j->raw' of type 'raw_spinlock_t'}}
	// expect-note@-1 {{reason: a raw spinlock held}}
	cond_resched(); // expect-note {{suspended here by macro 'cond_resched'}}
	raw_spin_unlock(&j->raw);
}

void bad_preempt_disabled(struct journal *j)
{
	preempt_disable(); // expect-warning {{'preempt_disable' of type 'critical section' is held across a suspension point}}
	// expect-note@-1 {{reason: sleeping with preemption disabled}}
	j->err = 0;
	mutex_lock(&j->buf_lock); // expect-note {{suspended here by call to 'mutex_lock'}}
	mutex_unlock(&j->buf_lock);
	preempt_enable();
}

void good_preempt_enabled_first(struct journal *j)
{
	preempt_disable();
	j->err = 0;
	preempt_enable();
	msleep(1);
}

// bcachefs's printbuf: the gfp flags are chosen at run time, GFP_NOWAIT
// when the buffer is marked atomic (printbuf_atomic_inc()), as buffers
// filled under a spinlock are.
struct printbuf {
	char *buf;
	unsigned size;
	unsigned atomic;
};

static int printbuf_make_room_gfp(struct printbuf *out, unsigned extra, gfp_t gfp)
{
	char *buf = krealloc(out->buf, out->size + extra,
			     !out->atomic ? gfp : GFP_NOWAIT);
	if (!buf)
		return -12;
	out->buf = buf;
	out->size += extra;
	return 0;
}

static int printbuf_make_room(struct printbuf *out, unsigned extra)
{
	return printbuf_make_room_gfp(out, extra, GFP_KERNEL);
}

// FIXME: out->atomic is set, so the allocation is GFP_NOWAIT; the
// checker does not follow values and reports it (on bcachefs's fs/, 45 of
// 63 findings are this printbuf shape).
void good_atomic_printbuf_under_spinlock(struct journal *j, struct printbuf *out)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	// expect-note@-1 {{reason: a spinlock held}}
	out->atomic++;
	printbuf_make_room(out, 64); // expect-note {{(printbuf_make_room -> printbuf_make_room_gfp -> krealloc)}}
	out->atomic--;
	spin_unlock(&j->lock);
}
