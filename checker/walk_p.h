/*
 * walk_p.h - the walk family's private header (walk.h is its public
 * face).  Only the walk_*.c files and walk.c include it; with tu.c they
 * are the only files that see <clang-c/Index.h>.
 *
 * The family, by job:
 *   walk.c         the TU, its functions, lambdas, instantiated bodies
 *   walk_stmt.c    statements and scopes; node constructors
 *   walk_cond.c    if-conditions tested the same way more than once
 *   walk_decl.c    declarations: guard locals and how they start
 *   walk_expr.c    expressions: calls, co_await, branches, lambdas
 *   walk_own.c     what a call, assignment or move does to a guard
 *   walk_lock.c    lock-functions calls and lock keys
 *   walk_macro.c   suspend and lock macros
 *   walk_type.c    is this type a guard; awaitables; callees
 *   walk_text.c    the source text behind a cursor
 *   walk_cx.c      small libclang helpers
 */
#ifndef AWAIT_HOLDING_WALK_P_H
#define AWAIT_HOLDING_WALK_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <clang-c/Index.h>

#include "arena.h"
#include "known.h"
#include "strmap.h"
#include "tu_p.h"
#include "view.h"

struct diag_list;
struct rule;
struct rules;
struct cond_use;
struct strbuf;

#define MAX_DEPTH 10000    /* deeper expressions are not looked into */
#define MAX_TYPE_DEPTH 6   /* wrappers inside wrappers inside ... */

/* The children of a cursor (kids_of()); release with kids_release(). */
struct kids {
	CXCursor *c;
	unsigned n, cap;
	CXCursor inline_buf[8];
};

/* Cursor -> pointer map (open addressing on clang_hashCursor). */
struct cmap_slot {
	CXCursor key;
	void *val;
	bool used;
};

struct cmap {
	struct cmap_slot *slots;
	size_t n, cap;
};

/* The two ';' of a for header, found by scan_code() with semis_cb(). */
struct semis {
	unsigned open;        /* offset of the header's '(' (0: not yet) */
	unsigned at[2];
	int n;
};

/* What a type says about guards; cached per canonical spelling. */
struct guard_info {
	bool guard;
	bool maybe_empty;     /* default/defer_lock/nullptr makes it own nothing */
	bool needs_cleanup;   /* no destructor: a guard only with cleanup() */
	const char *matched;
	const char *reason;
	const char *via;
};

/* Where a lock-functions acquire is, for what releases it. */
enum cleanup_ctx {
	CLEANUP_NONE,  /* ordinary code: the matching release call */
	CLEANUP_PLAIN, /* a cleanup variable's initializer: its scope's end */
	CLEANUP_GUARD, /* a cleanup guard's initializer: the guard is the lock */
};

/* An expansion of a configured suspend macro. */
struct macro_use {
	CXFile file;          /* where it is expanded */
	unsigned off;         /* expansion offset in that file */
	struct src_loc loc;
	const char *name;     /* the suspend macro, or the lock macro */
	const struct rule *rule; /* the suspend-macros entry (NULL: derived) */
	const char **args;    /* its arguments as written (unless-arg) */
	size_t nargs;
	const struct rule *lock; /* a lock-functions macro: its pair */
	bool acquire;         /* ... as the acquire */
	const char *key;      /* ... and the lock it names */
};

/*
 * What the end of a scope ends: a variable (its region), or a call in a
 * cleanup variable's initializer (what a lock helper takes there).
 */
struct scope_item {
	int var;              /* -1 for a call */
	struct vnode *call;
	struct vcall *cleanup; /* a variable's cleanup(fn) call, made again
				  at each exit of the scope */
};

/*
 * A called specialization of a template we check (a function template's,
 * or a member of a class template's): its instantiated body is walked as
 * a view of its own (walk.c, walk_instances()).
 */
struct spec_todo {
	CXCursor def;             /* the instantiated definition */
	const char *usr;          /* its view's: instance_key() */
	const char *name;         /* "f<std::unique_lock<std::mutex>>" */
};

/* Something to walk after the TU's top level (defer_cursor()). */
struct pending {
	CXCursor c;               /* a lambda, a local class */
	const char *instance;     /* found in this instantiation, or NULL */
};

/* What a callee says; cached per declaration. */
struct callee {
	const char *name;     /* qualified */
	const char *usr;
	bool annotated;       /* await_holding::suspends */
	bool configured;      /* suspend-functions */
	const struct rule *suspend_rule; /* ... the entry */
	bool allowed;         /* allowed-callees */
	enum known_fn known; /* std::move, std::swap, g_steal_pointer... */
	const char *method;   /* unqualified name, e.g. "unlock", "operator=" */
	const struct rule *lock; /* lock-functions pair it is part of, or NULL */
	bool lock_acquire;    /* ... as the acquire function */
	bool may_return_guard;/* returns a class by value: check for guards */
	bool in_system;       /* declared in a system header */
	bool want;            /* worth a V_CALL node */
};

/* Per TU: the translation unit, its arena and its text (walk_text.c). */
struct walk_src {
	struct tu *tu;
	CXTranslationUnit cx;
	struct arena *a;      /* the TU's: everything the walk makes */
	bool lang_c;          /* the TU is C */
	struct {
		CXFile file;
		const char *buf;
		size_t size;
	} fcache[64];         /* file_contents(), direct-mapped */
};

/* Per TU: what types, declarations and callees are, cached (walk_type.c). */
struct walk_types {
	struct strmap types;  /* canonical spelling -> struct guard_info */
	struct cmap callees;  /* declaration -> struct callee */
	struct cmap qualnames;/* declaration -> const char * */
	struct cmap specs;    /* specializations seen (note_specialization()) */
	struct strmap free_ops; /* operand type names of free operator co_await */
	struct strmap fn_names; /* function name -> CXCursor *, for cleanup(fn) */
	struct cmap dtors;    /* class -> CXCursor * of its destructor (a null
				 cursor: none) */
	struct cmap mutexes;  /* class -> 1: a mutex, 2: not (is_mutex_type()) */
	bool fn_names_done;
	bool free_ops_scanned;
	struct spec_todo *todo; /* specializations called, to walk */
	size_t ntodo, cap_todo;
};

/*
 * Per TU: expansions of configured macros in the main file, and of
 * suspend macros in other files, for the functions there walked for
 * their summaries (walk_macro.c).
 */
struct walk_macros {
	struct macro_use *uses; /* in the main file, in source order */
	size_t n, cap;
	struct macro_use *huses; /* suspend macros in other files, in
				    preprocessing order */
	size_t nh, caph;
	struct macro_use *cur; /* what the current function consumes */
	struct macro_use *scratch; /* its uses when it is in another file */
	size_t cap_scratch;
	struct strmap derived;  /* macro -> the suspend macro it uses */
	size_t next, end;     /* the current function's unconsumed range */
};

/* Per function: the view being built; reset by walk_function(). */
struct fn_builder {
	struct fn_view *fn;
	struct cmap vars;     /* VarDecl/ParmDecl -> (var index + 1) */
	struct cmap labels;   /* LabelStmt -> (label id + 1) */
	size_t *label_marks;  /* per label id: scope_vars at the label + 1
				 once it is walked (0: not yet) */
	size_t cap_label_marks;
	struct cmap ptrs;     /* pointer locals holding &guard -> (var + 1) */
	struct cmap lock_aliases; /* pointer locals holding &lock -> its key */
	struct scope_item *scope_vars; /* what each open scope ends, innermost last */
	size_t nscope_vars, cap_scope_vars;
	struct scope_item *later; /* made in a cleanup variable's initializer,
				     for the scope after it: scope_later() */
	size_t nlater, cap_later;
	struct jump_mark {    /* the scopes a break or continue leaves */
		size_t mark;  /* scope_vars of the loop or switch */
		bool loop;
	} *jumps;
	size_t njumps, cap_jumps;
	struct block_mark {   /* the blocks a goto may leave */
		unsigned start, end; /* the block's offsets */
		size_t mark;  /* scope_vars at its '{' */
	} *blocks;
	size_t nblocks, cap_blocks;
	struct src_loc last_acquire; /* where the last lock acquire was */
	const char *last_key; /* ... and its lock */
	bool last_noarg;      /* ... of a pair without an argument */
	bool last_macro;      /* ... taken by a lock macro */
	int last_var;         /* ... its variable, or -1 */
	unsigned last_suspend_macro; /* expansion offset + 1 of the last
				  suspend macro: it stands for the configured
				  calls it expands to */
	int depth;            /* statement and expression nesting */
	bool too_deep;        /* something was past MAX_DEPTH: not walked */
	size_t nthis;         /* VAR_THIS variables: guard members of 'this' */
	struct cond_use **conds; /* if-conditions that may be stable */
	size_t nconds, cap_conds;
};

struct walk {
	struct walk_src src;
	struct walk_types tc;
	struct walk_macros mac;
	struct fn_builder fb;
	struct rules *rules;
	bool unless;          /* some suspend entry has unless-arg */
	struct diag_list *problems; /* misplaced annotations, too deep */
	bool incomplete;      /* some function was not walked whole */
	struct fn_view *head, **tail;
	struct {
		CXFile file;
		bool want;
	} *headers;           /* header-filter verdict per file seen */
	size_t nheaders, cap_headers;
	struct pending *pending; /* lambdas and local classes to do after */
	size_t npending, cap_pending;
	const char *instance; /* walking this instantiation ("f<int>"), or NULL */
	const char *instance_usr; /* ... whose view has this usr */
	struct cmap for_summary; /* functions outside the checked files walked
				    for their summaries only (cleanup(fn)) */
};

/*
 * What the expression being walked is part of: passed down the walk of
 * statements and expressions, never stored.  A function that changes it
 * for its operands walks them with a changed copy.
 */
struct ectx {
	CXCursor own_init;    /* a var's own initializer: not a temporary */
	CXCursor move_done;   /* std::move already turned into an event */
	enum cleanup_ctx cleanup; /* walking a cleanup variable's initializer */
	unsigned await_off;   /* keyword offset of the co_await being walked */
	bool in_await;        /* inside a co_await's operand */
	const char *flag_down; /* runs only while this flag is down
				  (walk_flag.c) */
};

/* walk.c: the TU and its functions */
void defer_cursor(struct walk *w, CXCursor c);
bool in_checked_file(struct walk *w, CXCursor c);
void walk_for_summary(struct walk *w, CXCursor fn);
bool in_main_file(struct walk_src *src, CXCursor c);

/* walk_cond.c: conditions tested the same way more than once */
void cond_note(struct walk *w, struct vnode *n, CXCursor cond);
void cond_finish(struct walk *w, CXCursor fn);

/* walk_stmt.c: statements, scopes and nodes */
void add_event(struct walk *w, struct vnode *seq, CXCursor at,
		  enum vevent ev, int var, int var2);
void add_node(struct walk *w, struct vnode *seq, struct vnode *n);
void close_scope(struct walk *w, size_t mark, struct vnode *scope);
struct vnode *new_node(struct walk *w, enum vnode_kind kind, CXCursor c);
size_t open_scope(struct walk *w);
bool walk_enter(struct walk *w, CXCursor c, struct vnode *seq,
		const struct ectx *x);
void scope_add(struct walk *w, int var);
void scope_add_cleanup(struct walk *w, int var, struct vcall *call);
void cleanup_exits(struct walk *w, size_t mark, struct vnode *seq,
		   struct src_loc loc);
void close_scope_at(struct walk *w, size_t mark, struct vnode *scope,
		    struct src_loc loc);
void declare(struct walk *w, struct vnode *d, int var, enum vinit state,
	     bool scoped, struct vnode *seq);
void scope_later(struct walk *w, struct vnode *n);
void scope_add_later(struct walk *w, size_t first);
void walk_stmt(struct walk *w, CXCursor c, struct vnode *seq,
	       const struct ectx *x);

/* walk_decl.c: declarations */
struct vvar guard_var(struct walk *w, CXCursor c, CXType t,
			     const struct guard_info *gi, enum vvar_kind kind);
void dtor_call(struct walk *w, CXType t, const char *shown);
CXCursor own_init_of(CXCursor init);
void header_init_guard(struct walk *w, CXCursor stmt, struct vnode *seq);
int new_temp(struct walk *w, CXCursor c, CXType t,
		    const struct guard_info *gi);
void walk_decl_stmt(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x);
void walk_vardecl(struct walk *w, CXCursor c, struct vnode *seq,
		  const struct ectx *x);

/* walk_expr.c: expressions */
void bind_decl(struct walk *w, CXCursor decl, int var);
void note_address_alias(struct walk *w, CXCursor var, CXCursor init);
int var_of_decl(struct walk *w, CXCursor decl);
int var_of_expr(struct walk *w, CXCursor e);
void walk_expr(struct walk *w, CXCursor c, struct vnode *seq,
	       const struct ectx *x);
void walk_full_expr(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x);
void walk_expr_stmt(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x);
void walk_kids_expr(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x);

/* walk_expr.c: unless-arg conditions of calls and macros */
int param_index(struct walk *w, const char *name);
void unless_decide(struct vcall *call, const struct rule *r,
		   const struct varg *a);

/* walk_own.c: ownership effects of calls, assignments and moves */
struct vown *call_own(struct walk *w, CXCursor c, const char *name,
		      const char *method, bool member, CXCursor obj,
		      const struct ectx *x);
bool ctor_leaves_empty(struct walk *w, CXCursor call,
			      const struct guard_info *gi);
bool is_defer_lock_arg(struct walk *w, CXCursor arg);
bool is_empty_value(struct walk *w, CXCursor e);
int move_source(struct walk *w, CXCursor e, CXCursor *call);
void walk_assign(struct walk *w, CXCursor at, int var, CXCursor rhs,
		 struct vnode *seq, const struct ectx *x);

/* walk_lock.c: lock-functions calls and lock keys */
void lock_call(struct walk *w, CXCursor c, CXCursor ref, const struct rule *lr,
	       bool acquire, struct vnode *seq, const struct ectx *x);
const char *lock_expr(struct walk *w, CXCursor e);
const char *lock_expr_text_or_key(struct walk *w, CXCursor arg);
void lock_key_event(struct walk *w, CXCursor at, struct src_loc loc,
		    const char *key, const char *type, const struct rule *lr,
		    bool acquire, struct vnode *seq, const struct ectx *x);
void note_lock_alias(struct walk *w, CXCursor var, CXCursor init);
void scope_helper_call(struct walk *w, struct vnode *call,
		       const struct ectx *x);

/* walk_mutex.c: C++ mutexes handed around */
size_t awaiter_binds(struct walk *w, CXCursor operand, struct vbind **out);
const char *guard_mutex(struct walk *w, CXType t, CXCursor init, bool *adopt);
bool is_mutex_type(struct walk *w, CXType t);
bool mutex_args(struct walk *w, CXCursor c, struct vcall *call, int nargs);
void mutex_acquire(struct walk *w, CXCursor at, const char *key,
		   struct vnode *seq);
const char *mutex_awaited_lock(struct walk *w, CXCursor await,
			       CXCursor operand);
void mutex_call(struct walk *w, CXCursor c, const char *method, CXCursor obj,
		struct vnode *seq);
const char *mutex_key(struct walk *w, CXCursor e);
void mutex_release(struct walk *w, CXCursor at, const char *key,
		   struct vnode *seq);

/* walk_flag.c: flags that decide whether a call may sleep */
void flag_event(struct walk *w, CXCursor c, struct vnode *seq);
struct ectx flag_branch(struct walk *w, CXCursor cond, bool truth,
			const struct ectx *x);
CXCursor flag_unless_arm(struct walk *w, CXCursor arg, const struct rule *r,
			 struct vcall *call);
const char *flag_arm_text(struct walk *w, CXCursor e);

/* walk_macro.c: suspend and lock macros */
void walk_macros_release(struct walk_macros *mac);
void collect_macros(struct walk *w);
void flush_macros(struct walk *w, unsigned upto, struct vnode *seq,
		  const struct ectx *x);
void macro_range(struct walk *w, CXCursor fn);
void skip_macros(struct walk *w, CXCursor lambda);

/* walk_type.c: guard types, awaitables, callees, instantiations */
void walk_types_release(struct walk_types *tc);
bool allowed_await(struct walk *w, CXCursor operand);
struct callee *callee_of(struct walk *w, CXCursor ref);
CXCursor function_named(struct walk *w, const char *name);
bool classify_type(struct walk *w, CXType t, struct guard_info *out,
			  int depth);
bool is_guard_var(struct walk *w, CXCursor c, CXType t,
			 struct guard_info *gi, bool *has_cleanup);
const char *instance_key(struct arena *a, const char *base,
			 const char *instance);
const char *lambda_key(struct walk_src *src, CXCursor c);
void note_specialization(struct walk *w, CXCursor spec);

/* walk_text.c: source text behind cursors */
void add_unblanked(struct strbuf *sb, const char *buf, unsigned from,
		   unsigned to);
bool semis_cb(const char *p, size_t i, int depth, void *arg);
const char *bare_lock_key(struct walk_src *src, const char *p, size_t len);
struct src_loc cursor_loc(struct walk_src *src, CXCursor c);
const char *file_contents(struct walk_src *src, CXFile f, size_t *size);
const char *file_name(struct walk_src *src, CXFile f);
bool find_word_cb(const char *p, size_t i, int depth, void *arg);
bool in_directive(struct walk_src *src, CXFile f, unsigned off);
bool is_ident_char(char c);
const char *keyword_of(struct walk_src *src, CXCursor c, unsigned *off);
const char *lock_expr_text(struct walk_src *src, CXCursor e);
const char *macro_display(struct walk_src *src, CXCursor c, const char *name);
const char *member_name(struct walk_src *src, CXCursor mref);
const char *plain_type_name(struct walk_src *src, const char *p, size_t n);
bool scan_code(struct walk_src *src, CXFile f, unsigned from, unsigned to,
		      bool (*fn)(const char *p, size_t i, int depth, void *arg),
		      void *arg);
struct src_loc src_loc_of(struct walk_src *src, CXSourceLocation l);
const char *text_at_start(struct walk_src *src, CXCursor c, unsigned *off,
				 size_t *avail);
bool text_contains(const char *p, size_t n, const char *word);
bool word_at(const char *p, size_t avail, const char *word);
size_t written_args(struct walk_src *src, CXFile f, unsigned from,
		    const char ***out);
int word_between(struct walk_src *src, CXCursor a, CXCursor b,
			const char *word);

/* walk_cx.c: small libclang helpers */
struct cmap_slot *cmap_find(struct cmap *m, CXCursor key, bool insert);
void cmap_release(struct cmap *m);
const char *cstr(CXString s);
const char *display_type(struct walk_src *src, CXType t);
unsigned end_offset(CXCursor c);
void extent_offsets(CXCursor c, CXFile *f, unsigned *start,
			   unsigned *end);
bool from_macro(CXSourceLocation l);
bool has_annotation(CXCursor decl, const char *text);
bool has_cleanup_attr(struct walk *w, CXCursor var);
const char *cleanup_fn_name(struct walk *w, CXCursor var);
bool in_system_header(CXCursor c);
bool is_default_arg(CXCursor call, CXCursor arg);
bool is_function_kind(enum CXCursorKind k);
bool is_scoped_lockable(struct walk *w, CXCursor decl);
void kids_of(CXCursor c, struct kids *k);
void kids_release(struct kids *k);
CXCursor member_object(CXCursor c);
CXCursor overload_of(CXCursor call);
const char *qualname(struct walk *w, CXCursor decl);
bool same_cursor(CXCursor a, CXCursor b);
unsigned start_offset(CXCursor c);
CXCursor strip_expr(CXCursor c);
CXCursor type_decl(CXType t);
const char *type_spelling(struct walk_src *src, CXType t);
char unary_op(struct walk *w, CXCursor e);
CXCursor unary_operand(CXCursor e);
CXCursor var_init(CXCursor c);
void visit_record(CXCursor d, CXCursorVisitor fn, void *data);

#endif
