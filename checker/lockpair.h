/*
 * lockpair.h - pair lock-functions releases with the acquires they end,
 * on the view.
 *
 * The walker makes a variable for every lock a lock-functions acquire
 * takes (vvar.lock_key says which lock) and a V_UNLOCK node for every
 * release.  lockpair_direct() turns each V_UNLOCK into releases of the
 * variables of that lock.  After the may-suspend summaries,
 * lockpair_helpers() applies lock helpers (functions that only take or
 * only release a lock named through a parameter) at their calls.
 * Nothing here knows about libclang.
 */
#ifndef AWAIT_HOLDING_LOCKPAIR_H
#define AWAIT_HOLDING_LOCKPAIR_H

#include <stdbool.h>
#include <stddef.h>

struct fn_view;
struct vlock;

/*
 * Replace every V_UNLOCK node of 'fn' with one V_EVENT release per lock
 * variable of the same key acquired before it (in evaluation order).
 * Runs before numbering; new nodes live in fn->arena.
 */
void lockpair_direct(struct fn_view *fn);

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

#endif
