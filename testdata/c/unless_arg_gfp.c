// verify-args: -std=gnu11
// verify-config: ../configs/c_gfp.toml
//
// unless-arg: an allocation sleeps unless its gfp argument, as written,
// is GFP_ATOMIC or GFP_NOWAIT (alone or or-ed with other flags).  A
// wrapper that passes its own gfp parameter on sleeps as its callers'
// arguments say (bcachefs's darray_push_gfp() -> __bch2_darray_resize_noprof()
// -> kvmalloc()).
typedef unsigned int gfp_t;
#define ___GFP_KSWAPD_RECLAIM 0x400u
#define ___GFP_DIRECT_RECLAIM 0x800u
#define __GFP_NOWARN 0x2000u
#define __GFP_ZERO 0x100u
#define GFP_KERNEL (___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM)
#define GFP_NOWAIT (___GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_ATOMIC 0x20u

typedef struct spinlock { int rlock; } spinlock_t;
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void msleep(unsigned int msecs);

void *kmalloc(unsigned long size, gfp_t flags);
void *kvmalloc_node_noprof(unsigned long size, gfp_t flags, int node);
#define kvmalloc(_size, _flags) kvmalloc_node_noprof(_size, _flags, -1)
#define kzalloc(_size, _flags) kmalloc(_size, (_flags) | __GFP_ZERO)

struct journal {
	spinlock_t lock;
	void *buf;
	unsigned long nr, size;
};

/* lib/darray.c */
int __bch2_darray_resize_noprof(void *d, unsigned long element_size,
				unsigned long new_size, gfp_t gfp)
{
	void *data = kvmalloc(new_size * element_size, gfp);
	return data ? 0 : -12;
}

/* darray.h: the gfp argument is passed on through two macros */
static inline int __darray_make_room(void *d, unsigned long t_size,
				     unsigned long more, gfp_t gfp)
{
	return more ? __bch2_darray_resize_noprof(d, t_size, more, gfp) : 0;
}
#define darray_make_room_gfp(_d, _more, _gfp) \
	__darray_make_room((_d), sizeof(int), (_more), _gfp)
#define darray_push_gfp(_d, _item, _gfp) \
	({ int _ret = darray_make_room_gfp((_d), 1, _gfp); (void)(_item); _ret; })

void good_gfp_nowait_under_spinlock(struct journal *j)
{
	spin_lock(&j->lock);
	j->buf = kmalloc(64, GFP_NOWAIT);
	j->buf = kmalloc(64, GFP_NOWAIT | __GFP_NOWARN);
	j->buf = kmalloc(64, (__GFP_ZERO | GFP_ATOMIC));
	j->buf = kvmalloc(64, GFP_ATOMIC);
	j->buf = kzalloc(64, GFP_NOWAIT);
	spin_unlock(&j->lock);
}

void bad_gfp_kernel_under_spinlock(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	j->buf = kmalloc(64, GFP_KERNEL);   // expect-note {{suspended here by call to 'kmalloc'}}
	j->buf = kvmalloc(64, GFP_KERNEL);  // expect-note {{suspended here by macro 'kvmalloc'}}
	j->buf = kzalloc(64, GFP_KERNEL);   // expect-note {{suspended here by call to 'kmalloc'}}
	spin_unlock(&j->lock);
}

void good_wrapper_passes_gfp_nowait(struct journal *j)
{
	spin_lock(&j->lock);
	darray_push_gfp(j, 1, GFP_NOWAIT);
	__darray_make_room(j, 8, 1, GFP_NOWAIT);
	spin_unlock(&j->lock);
}

void bad_wrapper_passes_gfp_kernel(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	darray_push_gfp(j, 1, GFP_KERNEL); // expect-note {{suspended here by call that may suspend (__darray_make_room -> __bch2_darray_resize_noprof -> kvmalloc)}}
	__darray_make_room(j, 8, 1, GFP_KERNEL); // expect-note {{suspended here by call that may suspend}}
	spin_unlock(&j->lock);
}

/* A wrapper that fixes the flags itself is not conditional. */
static void *alloc_kernel(unsigned long n)
{
	return kmalloc(n, GFP_KERNEL);
}

static void *alloc_nowait(unsigned long n)
{
	return kmalloc(n, GFP_NOWAIT);
}

/* A wrapper that also sleeps by itself sleeps whatever its gfp. */
static void *alloc_and_wait(unsigned long n, gfp_t gfp)
{
	msleep(1);
	return kmalloc(n, gfp);
}

/* The condition is on the wrapper's parameter, not on a local. */
static void *alloc_local_flags(unsigned long n, gfp_t gfp)
{
	gfp_t flags = gfp;
	return kmalloc(n, flags);
}

void bad_wrappers(struct journal *j)
{
	spin_lock(&j->lock); // expect-warning {{'j->lock' of type 'spinlock_t'}}
	alloc_kernel(1);                    // expect-note {{(alloc_kernel -> kmalloc)}}
	alloc_nowait(1);
	alloc_and_wait(1, GFP_NOWAIT);      // expect-note {{(alloc_and_wait -> msleep)}}
	alloc_local_flags(1, GFP_NOWAIT);   // expect-note {{(alloc_local_flags -> kmalloc)}}
	spin_unlock(&j->lock);
}

/*
 * A wrapper that holds a lock and passes its own gfp on: it sleeps under
 * the lock in the contexts its callers make, so it is reported when some
 * caller passes a gfp that is not exempt, and silent when every caller
 * passes GFP_NOWAIT.
 */
static void *locked_alloc(struct journal *j, gfp_t gfp)
{
	spin_lock(&j->lock);              // expect-warning {{'j->lock' of type 'spinlock_t' is held across a suspension point}}
	void *p = kmalloc(j->size, gfp);  // expect-note {{suspended here by call to 'kmalloc'}}
	spin_unlock(&j->lock);
	return p;
}

static void *locked_alloc_nowait_only(struct journal *j, gfp_t gfp)
{
	spin_lock(&j->lock);
	void *p = kmalloc(j->size, gfp);
	spin_unlock(&j->lock);
	return p;
}

void callers_of_locked_alloc(struct journal *j)
{
	j->buf = locked_alloc(j, GFP_NOWAIT);
	j->buf = locked_alloc(j, GFP_KERNEL);
	j->buf = locked_alloc_nowait_only(j, GFP_NOWAIT);
}
