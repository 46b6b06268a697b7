/*
 * view.h - our own plain picture of one function body, as walk.c builds
 * it from libclang and as flow.c and lifetime.c consume it.
 *
 * A function is a tree of 'struct vnode' in evaluation order: children of
 * a node run before the node's own action (a call's arguments before the
 * call, a co_await's operand before the suspension).  Only what matters
 * for "is a guard held at a suspension point" is kept: declarations of
 * guard variables, ownership events on them, suspension points, calls,
 * and the control structure around them.  Everything else is dropped.
 *
 * Numbering.  view_finish() gives every node two numbers from one
 * counter per function, in evaluation order: 'pre' when the node is
 * entered and 'post' after its children.  All numbers of a subtree lie
 * within [pre, post].  A variable is alive exactly on the points numbered
 * within [lo, hi]: lo is the 'post' of its declaration ('from'), hi the
 * 'post' of its enclosing scope ('scope').  So a jump out of a scope
 * (break, return, goto, throw, a loop's back edge) leaves the region and
 * the variable is dead there, with no kill edges.  The walker records
 * 'from' and 'scope' and never numbers anything itself; flow.c documents
 * which number each control-flow point takes.
 *
 * Nothing here knows about libclang; unit tests build views by hand.
 * Memory: everything is allocated in the arena given to view_new_*().
 */
#ifndef AWAIT_HOLDING_VIEW_H
#define AWAIT_HOLDING_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct arena;

/* ORDER VNODE_KIND: keep kind_names[] in view.c in step, and the last
 * kind that viewio.c reads. */
enum vnode_kind {
	V_SEQ,      /* kids in order */
	V_DECL,     /* kids = initializer; then 'var' is alive with 'init' state */
	V_IF,       /* a = condition, b = then, c = else (may be NULL) */
	V_LOOP,     /* a = condition (NULL: forever), b = body, c = increment; LOOP_DO */
	V_SWITCH,   /* a = condition, b = body holding V_CASE labels */
	V_CASE,     /* case/default label of the innermost switch; kids = statement */
	V_BREAK,
	V_CONTINUE,
	V_RETURN,   /* kids = operand, evaluated first */
	V_GOTO,     /* 'label' = target id */
	V_LABEL,    /* 'label' = id; kids = statement */
	V_TRY,      /* a = body; kids = handlers */
	V_THROW,    /* kids = operand */
	V_COND,     /* a = condition, b = one branch, c = the other (NULL: skip) */
	V_SUSPEND,  /* kids = operand; then the coroutine suspends */
	V_CALL,     /* kids = arguments; then the call, which may suspend */
	V_EVENT,    /* ownership change on 'var' (and 'var2') */
	V_UNLOCK,   /* a lock-functions release: every variable whose
		       lock_key is 'lock->key' owns nothing after it, whichever
		       acquire (before it, after it through a loop, a lock
		       helper's) made it */
};

enum vinit {
	INIT_HELD,  /* constructed owning its resource */
	INIT_EMPTY, /* default, std::defer_lock, nullptr, std::nullopt, moved into later */
};

enum vevent {
	EV_ACQUIRE, /* var owns again: lock(), emplace(), reset(p), = new guard */
	EV_RELEASE, /* var owns nothing: unlock(), release(), reset(), moved from */
	EV_MOVE,    /* var hands what it owns to var2, and owns nothing */
	EV_SWAP,    /* var and var2 exchange what they own */
};

enum vnode_flag {
	LOOP_DO = 1 << 0,    /* V_LOOP: body runs before the condition */
	CASE_DEFAULT = 1 << 1, /* V_CASE: the default label */
};

struct rule_unless;

/* A member of an awaiter bound to a mutex of the caller (walk_mutex.c). */
struct vbind {
	const char *member;   /* "this->_lock", as the awaiter's methods name it */
	const char *key;      /* the caller's key of that mutex: "lock"; NULL
				 when 'var' is bound */
	int var;              /* or the caller's guard a reference member is
				 bound to, or -1 */
};

/*
 * An argument of a call as summaries see it, for unless-arg conditions
 * (rules.h): what the source says there and whether it is a parameter of
 * the calling function.
 */
struct varg {
	const char *text;     /* as written ("GFP_NOWAIT | __GFP_NOWARN");
				 NULL: unknown (a macro wrote the call:
				 see vcall.margs) */
	int param;            /* the caller's parameter it names, or -1 */
};

struct vcall {
	const char *name;     /* qualified callee name, e.g. "sched::yield" */
	const char *usr;      /* callee's USR, for summaries; may be NULL */
	bool annotated;       /* callee carries annotate("await_holding::suspends") */
	bool configured;      /* callee is in suspend-functions */
	bool macro;           /* the call comes from a configured suspend macro */
	const char *macro_name;
	bool suspends;        /* decided before lifetime runs: this call suspends */
	const char *chain;    /* for indirect suspension: "f -> g -> aco_yield" */
	/* unless-arg (summary.c): the arguments, and for a configured call
	 * or macro whose argument is the caller's parameter, the condition
	 * it suspends under (then 'suspends' is false) */
	struct varg *args;
	size_t nvargs;
	const char **margs;   /* a call a macro wrote: the arguments of the
				 macro invocation, as written; one that an
				 unless-arg names exempts the call */
	size_t nmargs;
	bool by_arg;          /* a configured call or macro that its
				 argument exempts, or makes conditional, or
				 a configured call a suspend macro written
				 at the same place stands for */
	const struct rule_unless *unless;
	int unless_param;     /* the caller's parameter 'unless' tests */
	/* lock helpers (summary.c): what the callee does to its arguments */
	const char **arg_keys;/* lock key of each argument, or NULL */
	size_t nargs;
	int acquires;         /* lock var + 1 this call acquires (a helper); 0 none */
	struct vnode *scope;  /* in a cleanup variable's initializer: the scope
				 whose end releases what the call acquires */
	bool in_guard;        /* in a cleanup guard's initializer: the guard
				 itself stands for what the call acquires */
	int *releases;        /* lock vars this call releases (a helper) */
	size_t nreleases, cap_releases;
	int *quiet;           /* an awaiter's await_suspend (effects_only):
				 the caller's guards it lets go while the
				 caller is suspended (summary_mutex.c) */
	size_t nquiet, cap_quiet;
	struct vown *own;     /* what own.c needs to decide its ownership
				 effects; NULL when it names no tracked
				 variable */
	bool hidden;          /* made only for own.c: not a call (own_apply()
				 removes it) */
	bool effects_only;    /* a constructor or an awaiter's await_suspend:
				 a call for its effects on guards, never a
				 suspension point (summary.c) */
	int cleanup_var;      /* a cleanup call (cleanup(fn) in C) at an exit
				 of the scope of variable cleanup_var - 1: it
				 runs only while that variable owns; 0: not
				 one */
	const char *cleanup_of; /* a cleanup call (also a C++ destructor at
				 scope exit, cleanup_var 0: it always runs):
				 the variable's name */
	const char *hops;     /* with 'chain': one chain per distinct first
				 hop of the callee, tab-separated, when it
				 has more than one; NULL otherwise */
	const char *cleanup_chain; /* set with 'suspends': "buf -> kvfree",
				 the variable, then the callee or chain */
	const char *flag_down; /* made only while this flag is down (a key
				 of the caller's: "out->atomic"; walk_flag.c):
				 it suspends only then (summary.c) */
	struct vbind *binds;  /* an awaiter's await_suspend (effects_only):
				 its members bound to the caller's mutexes */
	size_t nbinds;
	const char **lets_go; /* keys of the mutexes this call releases
				 (summary.c: an await_suspend that lets a
				 bound member go); every variable of one of
				 them owns nothing after it */
	size_t nlets_go, cap_lets_go;
	const char **quiet_keys; /* keys of the caller's locks this call lets
				 go around each suspension inside it (a
				 callee that releases the lock first and
				 takes it again after, summary.c; a
				 coroutine awaited, summary_mutex.c): a
				 variable of one of them is not held there */
	size_t nquiet_keys, cap_quiet_keys;
};

/* Flags of a call argument, for own.c. */
enum vown_arg {
	ARG_EMPTY = 1 << 0,   /* owns nothing: nullptr, std::nullopt, {}, a
				 default argument */
	ARG_UNARY = 1 << 1,   /* the variable is under a unary operator: &v */
};

/*
 * A call as own.c sees it: the callee's names, the tracked variable it is
 * called on and the ones its arguments name.
 */
struct vown {
	const char *name;     /* qualified callee name ("std::swap") */
	const char *method;   /* unqualified; "~" for a destructor call */
	bool member;          /* a member function (or destructor) call */
	int obj;              /* the tracked variable it is called on, or -1 */
	bool obj_empty;       /* the object owns nothing: T().swap(g) */
	int nargs;            /* arguments as written */
	int *args;            /* per argument: the tracked variable, or -1 */
	unsigned char *flags; /* per argument: enum vown_arg */
	bool move_done;       /* this std::move is already a move event */
};

/* A lock-functions event in a function, for lock-helper summaries. */
struct vlock {
	const char *key;      /* "q->mu" */
	bool acquire;
	const char *matched;  /* the acquire function */
	const char *reason;
	const char *type;     /* the lock's type, for messages */
};

struct vnode {
	enum vnode_kind kind;
	unsigned flags;
	unsigned pre, post;   /* numbering, see above */
	struct src_loc loc;
	struct vnode *a, *b, *c;
	struct vnode **kids;
	size_t nkids, cap_kids;
	int var, var2;        /* V_DECL, V_EVENT: indices into fn_view.vars; -1 none */
	enum vinit init;      /* V_DECL */
	enum vevent ev;       /* V_EVENT */
	int label;            /* V_GOTO, V_LABEL */
	enum suspend_kind skind; /* V_SUSPEND */
	struct vcall *call;   /* V_CALL */
	int cond;             /* V_IF: id of a condition tested the same way
				 elsewhere in the function (walk_cond.c), or -1 */
	bool cond_neg;        /* V_IF: the branch 'b' runs when it is false */
	const struct vlock *lock; /* V_UNLOCK */
};

/* At most this many conditions per function are tracked (vnode.cond). */
#define VIEW_MAX_CONDS 8

/* ORDER VVAR_KIND: viewio.c reads kinds up to the last one. */
enum vvar_kind {
	VAR_LOCAL,  /* a local variable (automatic storage) */
	VAR_PARAM,  /* a by-value parameter of a coroutine: alive from entry */
	VAR_TEMP,   /* a temporary inside a full-expression */
	VAR_REF,    /* a local reference bound to a guard we do not own */
	VAR_LOCK,   /* a lock taken by a lock-functions acquire call */
	VAR_PARAM_REF, /* a reference parameter bound to the caller's guard:
			  owned from entry, never reported here (the caller
			  reports its own guard); summaries tell callers
			  whether the function ends it */
	VAR_THIS,   /* a guard member of the object a method runs on: as
		       VAR_PARAM_REF, for 'this' */
	VAR_MUTEX,  /* a C++ mutex taken by its own lock() (or an awaited
		       coLock()): never reported; summaries ask whether its
		       key is held at a suspension (walk_mutex.c) */
};

struct vvar {
	const char *name;     /* as declared; "(temporary)" for temporaries */
	const char *display;  /* for text output; NULL = name */
	struct src_loc loc;   /* the declaration (the name) */
	const char *type;     /* type as shown to the user */
	const char *matched;  /* the rule or annotation that made it a guard */
	const char *reason;   /* the rule's reason, or NULL */
	const char *via;      /* "member 'lk' of 'Conn'", or NULL if direct */
	enum vvar_kind kind;
	unsigned lo, hi;      /* alive on points numbered within [lo, hi] */
	struct vnode *from;   /* lo = from->post; NULL: 0 (alive from entry) */
	struct vnode *scope;  /* hi = scope->post; NULL: lo/hi set by hand */
	const char *lock_key; /* a lock-functions lock: the key releases name */
	int param;            /* VAR_PARAM_REF: which parameter (from 0) */
	bool cleanup_guard;   /* a local with a cleanup attribute (the kernel's
				 guard(), scoped_guard()): its cleanup runs
				 at the end of its scope */
};

struct fn_view {
	const char *name;     /* function name for context */
	struct src_loc loc;
	bool coroutine;
	const char *usr;      /* for summaries; may be NULL (lambdas) */
	const char *def_usr;  /* its USR when another definition of that USR
				 exists elsewhere in the run (summary.c
				 renamed 'usr'); NULL otherwise */
	struct vnode *body;   /* numbered from 0 (pre) */
	unsigned nnumbers;    /* one past the largest number used */
	struct vvar *vars;
	size_t nvars, cap_vars;
	int nlabels;          /* label ids are 0..nlabels-1 */
	const char *instance; /* "f<Guard>" for a template's instantiation */
	struct arena *arena;  /* where the view lives (the TU's) */
	const char **params;  /* parameter names, for lock-helper summaries */
	size_t nparams;
	struct vlock *locks;  /* lock-functions events in the body */
	size_t nlocks, cap_locks;
	int nconds;           /* condition ids are 0..nconds-1 (vnode.cond) */
	struct fn_view *next; /* list of views in a TU */
};

/* Allocate a node in 'a' with var = var2 = label = -1. */
struct vnode *view_new_node(struct arena *a, enum vnode_kind kind);
/* Append 'kid' to 'parent->kids'. */
void view_add_kid(struct arena *a, struct vnode *parent, struct vnode *kid);
/* Append a variable; returns its index.  The struct is copied. */
int view_add_var(struct arena *a, struct fn_view *fn, const struct vvar *v);

/*
 * Rebuild the kids of 'n': 'fn' is called on each old kid in order and
 * appends to 'n' (view_add_kid()) whatever replaces it: the kid itself,
 * nothing, or other nodes.  Before numbering only.
 */
void view_replace_kids(struct arena *a, struct vnode *n,
		       void (*fn)(struct arena *a, struct vnode *n,
				  struct vnode *kid, void *arg),
		       void *arg);

/*
 * Number the subtree 'n' from 'next': pre/post in evaluation order (a, b,
 * c, then kids; a LOOP_DO's body before its condition).  Returns one past
 * the last number used.  Variables' lo/hi are not touched.
 */
unsigned view_number(struct vnode *n, unsigned next);

/*
 * Number fn->body from 0, set fn->nnumbers, and set lo/hi of every
 * variable that names its region nodes ('scope' not NULL).  Run once
 * the tree is complete, and again after a pass adds nodes.
 */
void view_finish(struct fn_view *fn);

/* Print the tree, for debugging and tests (--dump-view). */
struct strbuf;
void view_dump(const struct fn_view *fn, struct strbuf *out);

#endif
