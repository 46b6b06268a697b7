// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_cleanup_sleeps.toml
//
// __attribute__((cleanup(fn))) calls fn(&var) at every exit from the
// variable's scope.  When fn may sleep (configured, or through what it
// calls), the locks still held there are held across that call.  The
// bug fixed in bcachefs cc0adf848 ("journal: don't free under
// j->lock"): __free(kvfree) on a variable declared in a scoped_guard()
// block, while spin_lock(&j->lock) is held; kvfree() runs at the
// block's closing brace.
#include "cleanup_stub.h"

void kvfree(const void *p);
DEFINE_FREE(kvfree, void *, if (_T) kvfree(_T))

struct journal_buf {
	void *data;
};

struct journal {
	spinlock_t lock;
	struct mutex buf_lock;
	struct journal_buf buf[4];
	int err;
};

void bad_free_at_closing_brace(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	scoped_guard(mutex, &j->buf_lock) {
		void *buf_to_free __free(kvfree) = w->data;
		w->data = NULL;
	} // expect-note {{suspended here by cleanup of 'buf_to_free' (kvfree may sleep)}}
	spin_unlock(&j->lock);
}

void good_free_after_unlock(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock);
	void *buf_to_free __free(kvfree) = w->data;
	w->data = NULL;
	spin_unlock(&j->lock);
}

// kfree does not sleep.
void good_kfree_under_lock(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock);
	{
		void *p __free(kfree) = w->data;
		w->data = NULL;
	}
	spin_unlock(&j->lock);
}

// Stolen (no_free_ptr) or set to NULL before the exit: no call.
void good_stolen_or_nulled(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock);
	{
		void *p __free(kvfree) = w->data;
		j->buf[0].data = no_free_ptr(p);
	}
	{
		void *q __free(kvfree) = w->data;
		q = NULL;
	}
	spin_unlock(&j->lock);
}

// Stolen on one path only: the other path frees under the lock.
void bad_stolen_on_one_path(struct journal *j, struct journal_buf *w, int keep)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	{
		void *p __free(kvfree) = w->data;
		if (keep)
			j->buf[0].data = no_free_ptr(p);
	} // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
	spin_unlock(&j->lock);
}

// A return, break or continue out of the scope runs the cleanup there.
int bad_return_and_break(struct journal *j, struct journal_buf *w, int n)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	for (int i = 0; i < n; i++) {
		void *p __free(kvfree) = j->buf[i].data;
		if (!p)
			continue; // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
		if (j->err)
			break;    // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
		if (i == 3)
			return -1; // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
	} // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
	spin_unlock(&j->lock);
	(void)w;
	return 0;
}

// return_ptr() steals the value: the cleanup frees nothing there.  (The
// lock is left held for the caller, as a function marked __acquires()
// does.)
void *good_return_ptr(struct journal *j, struct journal_buf *w)
{
	void *p __free(kvfree) = w->data;
	spin_lock(&j->lock);
	w->data = NULL;
	return_ptr(p);
}

// A goto out of the scope runs the cleanup at the goto.
void bad_goto_out_of_scope(struct journal *j, struct journal_buf *w)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	{
		void *p __free(kvfree) = w->data;
		if (j->err)
			goto out; // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
	} // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}
out:
	spin_unlock(&j->lock);
}

// A goto inside the scope leaves nothing.
void good_goto_within_scope(struct journal *j, struct journal_buf *w)
{
	void *p __free(kvfree) = w->data;
	spin_lock(&j->lock);
	if (j->err)
		goto unlock;
	w->data = NULL;
unlock:
	spin_unlock(&j->lock);
}

// Guards are destroyed in reverse order: a guard declared after the
// variable is gone when its cleanup runs, one declared before is not.
void good_guard_declared_after(struct journal *j, struct journal_buf *w)
{
	void *p __free(kvfree) = w->data;
	guard(spinlock)(&j->lock);
	w->data = NULL;
}

void bad_guard_declared_before(struct journal *j, struct journal_buf *w)
{
	guard(spinlock)(&j->lock); // expect-warning {{of type 'class_spinlock_t' is held across a suspension point}}
	void *p __free(kvfree) = w->data;
	w->data = NULL;
} // expect-note {{suspended here by cleanup of 'p' (kvfree may sleep)}}

// A cleanup function that sleeps through what it calls.
struct dev {
	int refs;
};

void dev_release(struct dev *d)
{
	if (--d->refs == 0)
		msleep(1);
}
DEFINE_FREE(put_dev, struct dev *, if (_T) dev_release(_T))

void bad_cleanup_sleeps_through_a_call(struct journal *j, struct dev *dev)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	{
		struct dev *d __free(put_dev) = dev;
		d->refs++;
	} // expect-note {{suspended here by cleanup of 'd' (dev_release -> msleep)}}
	spin_unlock(&j->lock);
}

/*
 * A guard whose unlock sleeps, with a name guard() made: the note names
 * it as written.
 */
struct sleepy { int x; };
void sleepy_take(struct sleepy *s);
void sleepy_put(struct sleepy *s); /* flushes: may sleep */
void sleepy_put(struct sleepy *s)
{
	(void)s;
	msleep(1);
}
DEFINE_GUARD(sleepy, struct sleepy *, sleepy_take(_T), sleepy_put(_T))

void bad_guard_put_sleeps(struct journal *j, struct sleepy *s)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	{
		guard(sleepy)(s);
		j->err = 0;
	} // expect-note {{suspended here by cleanup of 'guard(sleepy)' (class_sleepy_destructor -> sleepy_put -> msleep)}}
	spin_unlock(&j->lock);
}
