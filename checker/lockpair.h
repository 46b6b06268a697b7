/*
 * lockpair.h - lock helpers at their calls, on the view.
 *
 * The walker makes a variable for every lock a lock-functions acquire
 * takes (vvar.lock_key says which lock) and a V_UNLOCK node for every
 * release, which ends every variable of that lock on whatever path
 * reaches it (lifetime.c), so that a release at the top of a loop ends
 * the acquire at the bottom of the previous iteration.  After the
 * may-suspend summaries, lockpair_helpers() applies lock helpers
 * (functions that only take or only release a lock named through a
 * parameter) at their calls: an acquiring call makes a lock variable
 * that the unlocks of its key end too.  Nothing here knows about
 * libclang.
 */
#ifndef AWAIT_HOLDING_LOCKPAIR_H
#define AWAIT_HOLDING_LOCKPAIR_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct fn_view;
struct vlock;

/*
 * The caller's key of the lock a callee names as parameter + 'suffix'
 * ("q" + "->mu"), given the argument's key 'arg' ("&x" makes "x.mu", "p"
 * makes "p->mu").  In arena 'a'.
 */
const char *lockpair_key(struct arena *a, const char *arg, const char *suffix);

/* What a lock helper does to the lock its argument names. */
struct lock_effect {
	bool acquire;
	size_t param;         /* which argument */
	const char *suffix;   /* the rest of the key: "->mu" of "q->mu" */
	const struct vlock *lock; /* the helper's event: type, rule, reason */
};

/*
 * The lock-helper effects of the function with USR 'usr' (NULL if it is
 * none); '*n' gets their number.  Supplied by the caller of
 * lockpair_helpers() (summary.c).
 */
typedef const struct lock_effect *(*lock_effects_fn)(void *data,
						     const char *usr,
						     size_t *n);

/*
 * Apply lock helpers at their calls in the numbered view 'fn': a call
 * that acquires gets a lock variable (vcall.acquires; alive in the whole
 * function, or to the end of vcall.scope), one that releases lists the
 * lock variables of that key (vcall.releases).  Acquires of all of 'fn'
 * come before releases, so pass 'acquire' true, then false.
 */
void lockpair_helpers(struct fn_view *fn, bool acquire, lock_effects_fn effects,
		      void *data);

/*
 * Cleanup guards of a lock-functions lock (the kernel's scoped_guard()
 * and guard() over a mutex or spinlock), in the numbered view 'fn': a
 * guard whose initializer hands the lock 'K' to its constructor, in a
 * function that also locks or unlocks 'K' directly, is that lock's
 * variable too, so a raw unlock of 'K' inside the guard's scope ends it;
 * and a raw re-lock of 'K' inside the guard's scope is released by the
 * guard's cleanup at the end of that scope.
 */
void lockpair_guards(struct fn_view *fn);

#endif
