// verify-config: linux-kernel
// verify-args: -std=gnu11 -I include/shim
//
// Kernel code built against bcachefs-tools' userspace shim, where
// spin_lock() is a macro over an inline function and kvfree() a macro in
// a header: the DEFINE_FREE(kvfree) cleanup defined there is walked for
// what it expands to.  This is journal_write_done() before bcachefs
// cc0adf848, cut down.
#include "linux/slab.h"
#include "linux/spinlock.h"

struct journal_buf {
	void *data;
	unsigned long buf_size;
};

struct journal {
	spinlock_t lock;
	void *free_buf;
	unsigned long free_buf_size;
};

void bad_journal_write_done(struct journal *j, struct journal_buf *w)
{
	{
		spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
		// expect-note@-1 {{reason: a spinlock held across a call that may sleep}}
		if (!j->free_buf || j->free_buf_size < w->buf_size) {
			void *t = j->free_buf;
			j->free_buf = w->data;
			w->data = t;
		}
		/* meant to be freed after the unlock, but freed at the '}' */
		void *buf_to_free __free(kvfree) = w->data;
		w->data = NULL;
		w->buf_size = 0;
	} // expect-note {{suspended here by cleanup of 'buf_to_free' (kvfree may sleep)}}
	spin_unlock(&j->lock);
}

// The fix: the variable at function scope, freed at return, after the
// unlock.
void good_journal_write_done_fixed(struct journal *j, struct journal_buf *w)
{
	void *buf_to_free __free(kvfree) = NULL;
	{
		spin_lock(&j->lock);
		buf_to_free = w->data;
		w->data = NULL;
	}
	spin_unlock(&j->lock);
}

// kfree is not a sleeping call, in the shim or the kernel.
void good_kfree_cleanup(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock);
	{
		void *p __free(kfree) = w->data;
		w->data = NULL;
	}
	spin_unlock(&j->lock);
}

void bad_allocation_under_lock(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	// expect-note@-1 {{reason: a spinlock held}}
	void *p = kvmalloc(64, GFP_NOIO); // expect-note {{suspended here by macro 'kvmalloc'}}
	void *q = kmalloc(64, GFP_NOWAIT);
	spin_unlock(&j->lock);
	free(p);
	free(q);
}
