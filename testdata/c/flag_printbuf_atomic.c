// verify-args: -std=gnu11
// verify-config: ../configs/c_printbuf.toml
//
// A flag that decides at run time whether a call may sleep: bcachefs's
// printbuf grows its buffer with GFP_NOWAIT while out->atomic is raised
// (krealloc(p, n, !out->atomic ? gfp : GFP_NOWAIT), and kvrealloc only
// under "out->may_vmalloc && !out->atomic"), and its callers raise it
// around the code that must not sleep: guard(printbuf_atomic)(out), or
// printbuf_atomic_inc()/printbuf_atomic_dec().  A print under a spinlock
// with the flag raised on every path does not sleep; one where some path
// leaves it down (not raised, raised after, lowered before, raised in a
// scope that has ended, raised on one branch, another buffer's) may.
typedef unsigned int gfp_t;
#define GFP_KERNEL 0xcc0u
#define GFP_NOWAIT 0x800u

typedef struct spinlock { int rlock; } spinlock_t;
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void msleep(unsigned int msecs);
void *krealloc(void *p, unsigned long size, gfp_t flags);
void *kvrealloc(void *p, unsigned long size, gfp_t flags);

struct printbuf {
	char *buf;
	unsigned size, pos;
	unsigned char atomic;
	_Bool may_vmalloc;
};

/* util/printbuf.c */
int printbuf_make_room_gfp(struct printbuf *out, unsigned extra, gfp_t gfp)
{
	if (out->pos + extra <= out->size)
		return 0;
	unsigned new_size = out->size * 2 + extra;
	_Bool may_vmalloc = out->may_vmalloc && !out->atomic;
	char *buf = may_vmalloc
		? kvrealloc(out->buf, new_size, gfp)
		: krealloc(out->buf, new_size, !out->atomic ? gfp : GFP_NOWAIT);
	if (!buf)
		return -12;
	out->buf = buf;
	out->size = new_size;
	return 0;
}

int printbuf_make_room(struct printbuf *out, unsigned extra)
{
	return printbuf_make_room_gfp(out, extra, GFP_KERNEL);
}

void prt_printf(struct printbuf *out, const char *fmt, ...)
{
	printbuf_make_room(out, 16);
	out->pos += 16;
	(void)fmt;
}

static inline void printbuf_atomic_inc(struct printbuf *buf)
{
	buf->atomic++;
}

static inline void printbuf_atomic_dec(struct printbuf *buf)
{
	buf->atomic--;
}

/* DEFINE_GUARD(printbuf_atomic, struct printbuf *, inc(_T), dec(_T)) */
typedef struct printbuf *class_printbuf_atomic_t;
static inline void class_printbuf_atomic_destructor(class_printbuf_atomic_t *p)
{
	printbuf_atomic_dec(*p);
}
static inline class_printbuf_atomic_t
class_printbuf_atomic_constructor(struct printbuf *_T)
{
	class_printbuf_atomic_t t = ({ printbuf_atomic_inc(_T); _T; });
	return t;
}
#define guard(_name)                                                    \
	class_##_name##_t __guard_##_name                                   \
		__attribute__((cleanup(class_##_name##_destructor))) =          \
			class_##_name##_constructor

struct journal {
	spinlock_t lock;
	unsigned seq;
};

void good_guarded(struct journal *j, struct printbuf *out)
{
	guard(printbuf_atomic)(out);
	spin_lock(&j->lock);
	prt_printf(out, "seq %u", j->seq);
	spin_unlock(&j->lock);
}

void good_local_buf(struct journal *j)
{
	struct printbuf buf = { 0 };
	guard(printbuf_atomic)(&buf);
	spin_lock(&j->lock);
	prt_printf(&buf, "seq %u", j->seq);
	spin_unlock(&j->lock);
}

void good_inc_dec(struct journal *j, struct printbuf *out)
{
	printbuf_atomic_inc(out);
	spin_lock(&j->lock);
	prt_printf(out, "seq %u", j->seq);
	spin_unlock(&j->lock);
	printbuf_atomic_dec(out);
}

/* its callers raise the flag or not: it is their business */
void good_passes_out(struct printbuf *out, unsigned seq)
{
	prt_printf(out, "seq %u", seq);
}

void bad_not_raised(struct journal *j)
{
	struct printbuf buf = { 0 };
	spin_lock(&j->lock);                // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	prt_printf(&buf, "seq %u", j->seq); // expect-note {{suspended here by call that may suspend (prt_printf -> printbuf_make_room -> printbuf_make_room_gfp -> }}
	spin_unlock(&j->lock);
}

void bad_lowered_first(struct journal *j)
{
	struct printbuf buf = { 0 };
	printbuf_atomic_inc(&buf);
	printbuf_atomic_dec(&buf);
	spin_lock(&j->lock);                // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	prt_printf(&buf, "seq %u", j->seq); // expect-note {{suspended here by call that may suspend}}
	spin_unlock(&j->lock);
}

void bad_guard_scope_ended(struct journal *j)
{
	struct printbuf buf = { 0 };
	{
		guard(printbuf_atomic)(&buf);
		prt_printf(&buf, "header");
	}
	spin_lock(&j->lock);                // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	prt_printf(&buf, "seq %u", j->seq); // expect-note {{suspended here by call that may suspend}}
	spin_unlock(&j->lock);
}

void bad_raised_on_one_branch(struct journal *j, int quiet)
{
	struct printbuf buf = { 0 };
	if (quiet)
		printbuf_atomic_inc(&buf);
	spin_lock(&j->lock);                // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	prt_printf(&buf, "seq %u", j->seq); // expect-note {{suspended here by call that may suspend}}
	spin_unlock(&j->lock);
}

void bad_other_buffer_raised(struct journal *j)
{
	struct printbuf buf = { 0 }, err = { 0 };
	guard(printbuf_atomic)(&err);
	spin_lock(&j->lock);                // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	prt_printf(&buf, "seq %u", j->seq); // expect-note {{suspended here by call that may suspend}}
	spin_unlock(&j->lock);
}

/* the flag does not make a sleep that does not look at it safe */
void bad_sleeps_anyway(struct journal *j, struct printbuf *out)
{
	guard(printbuf_atomic)(out);
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	msleep(1);           // expect-note {{suspended here by call to 'msleep'}}
	spin_unlock(&j->lock);
}

/*
 * The buffer is the caller's: whether the flag is raised is the callers'
 * business.  One that raises it keeps the lock holder silent
 * (bcachefs's bch2_journal_debug_to_text() around
 * __bch2_journal_debug_to_text()); one that does not makes it report;
 * with no caller in the run it is not reported.
 */
static void journal_debug_locked(struct journal *j, struct printbuf *out)
{
	spin_lock(&j->lock);
	prt_printf(out, "seq %u", j->seq);
	spin_unlock(&j->lock);
}

void good_debug_to_text(struct journal *j, struct printbuf *out)
{
	guard(printbuf_atomic)(out);
	journal_debug_locked(j, out);
}

static void journal_seq_locked(struct journal *j, struct printbuf *out)
{
	spin_lock(&j->lock);               // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	prt_printf(out, "seq %u", j->seq); // expect-note {{suspended here by call that may suspend}}
	spin_unlock(&j->lock);
}

void seq_to_text_raised(struct journal *j, struct printbuf *out)
{
	printbuf_atomic_inc(out);
	journal_seq_locked(j, out);
	printbuf_atomic_dec(out);
}

void seq_to_text_not_raised(struct journal *j)
{
	struct printbuf buf = { 0 };
	journal_seq_locked(j, &buf);
}

void no_caller_in_the_run(struct journal *j, struct printbuf *out)
{
	spin_lock(&j->lock);
	prt_printf(out, "seq %u", j->seq);
	spin_unlock(&j->lock);
}
