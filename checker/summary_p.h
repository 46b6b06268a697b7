/*
 * summary_p.h - what summary.c, summary_flag.c and summary_mutex.c share:
 * the per-function facts and the calls between functions.  Private to
 * those three files.
 */
#ifndef AWAIT_HOLDING_SUMMARY_P_H
#define AWAIT_HOLDING_SUMMARY_P_H

#include <stdbool.h>
#include <stddef.h>

#include "flow.h"
#include "lockpair.h"
#include "strmap.h"

struct arena;
struct fn_view;
struct rule_unless;
struct vcall;
struct vnode;

struct fninfo {
	const char *usr;
	const char *name;
	struct lock_effect *effects; /* a lock helper's, or NULL */
	size_t neffects;
	bool defined;          /* a non-coroutine definition was seen */
	bool suspends;         /* may suspend */
	const struct rule_unless *cond; /* else: suspends unless the argument
				  for parameter 'cond_param' is exempt */
	int cond_param;
	int flag_param;        /* and/or: suspends only while the flag
				  'flag_suffix' of the argument for this
				  parameter is down ("->atomic"); -1: none */
	const char *flag_suffix;
	struct flag_effect *flags; /* a flag helper's: what it does to flags
				      named through its parameters */
	size_t nflags;
	const char *via_name;  /* next hop: callee name, or the suspend point */
	struct fninfo *via;    /* next hop function, NULL at the leaf */
	struct edge *callers;  /* the calls to this function */
	size_t ncallers, cap_callers;
	struct fn_view **views; /* its definitions' views (first_hops()) */
	size_t nviews, cap_views;
	char *hops;            /* first_hops(): malloc'd, or NULL */
	bool hops_done;
	bool *ends_param;      /* per parameter: a guard passed by reference
				  owns nothing when it returns */
	size_t nends_param;
	bool ends_this;        /* the guard members of 'this' own nothing
				  when it returns */
	struct lock_effect *quiet; /* locks named through a parameter that
				      every suspension inside happens
				      without (released before, taken again
				      after: down(), a condition wait) */
	size_t nquiet;
	bool coro;             /* a coroutine: 'quiet' holds at the co_awaits
				  of it (coro_quiet()) */
	const char **lets_go;  /* members ("this->m") of the object it runs
				  on that it releases wherever it returns */
	size_t nlets_go;
};

/* A call: from function 'caller' (by USR), the call node's data. */
struct edge {
	const char *caller;
	const struct vcall *call;
	const struct vnode *node;
	struct fn_view *fn;    /* the caller's view */
};

/* What a flag helper does to a flag of its argument (walk_flag.c). */
struct flag_effect {
	size_t param;
	const char *suffix;   /* "->atomic" */
	bool raise;           /* raises it (else lowers it) wherever it returns */
};

/* What a function's suspension is conditional on (see rise()). */
struct cond_sig {
	const struct rule_unless *u; /* unless-arg on parameter 'up' */
	int up;
	int fp;                      /* flag 'fs' of parameter 'fp' down */
	const char *fs;
};

struct summary {
	bool any_flag;         /* some call is made only while a flag is down */
	const struct fn_view *flow_fn; /* whose graph 'flow' is (summary_flag.c) */
	struct flow flow;
	struct strmap fns;     /* usr -> struct fninfo */
	struct fninfo **all;
	size_t nall, cap_all;
};

/* What the visitors of each_call() see besides the call. */
struct visit {
	struct summary *s;
	struct fn_view *fn;
	const struct vcall *direct; /* note_call(): the first suspending call */
	const struct vcall *cond;   /* ... the first conditional one */
	struct cond_sig sig;        /* ... its condition */
	bool cond_mixed;            /* ... and one with another condition */
	void *data;                 /* the visitor's own */
};

/* summary.c */
struct fninfo *fn_info(struct summary *s, const char *usr, const char *name);
void each_call(struct vnode *n, void (*fn)(struct vnode *, struct visit *),
	       struct visit *v);
int param_of_key(const struct fn_view *fn, const char *key, const char **rest);
bool arg_exempt(const struct vcall *call, const struct rule_unless *u,
		int param);
int arg_param(const struct vcall *call, int param);
int key_var(struct fn_view *fn, const char *key, int param);

/* summary_flag.c: flags that decide whether a call sleeps (walk_flag.c) */
bool flag_node(const struct vnode *n, bool raise);
bool call_condition(struct summary *s, const struct fninfo *f,
		    const struct vcall *c, const struct vnode *n,
		    struct fn_view *fn, struct cond_sig *out);
bool caller_context(struct summary *s, const struct fn_view *fn,
		    const struct cond_sig *sig, int depth);
bool site_context(struct summary *s, const struct fn_view *fn,
		  const struct vcall *c);
void flag_helpers(struct summary *s, struct fn_view *const *fns, size_t n);

/* summary_mutex.c: mutexes handed to awaiters and coroutines */
void mutex_summaries(struct summary *s, struct fn_view *const *fns, size_t n);

#endif
