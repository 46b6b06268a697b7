/*
 * walk_lock.c - lock-functions calls: pthread_mutex_lock(&mu) and its
 * release, member pairs, pairs without an argument, and the lock keys
 * that pair them ("&(dev)->lock" is "dev->lock"), spelled from the AST.
 * Also the argument keys that lock-helper summaries (summary.c) apply in
 * callers.
 */
#include "common.h"
#include "walk_p.h"
#include "rules.h"
#include "util.h"
#include "view.h"

#include <stdio.h>
#include <string.h>

/*
 * A pointer local initialized with the address of a lock ("T *p = &m"):
 * a lock-functions call on p names the lock m.
 */
void note_lock_alias(struct walk *w, CXCursor var, CXCursor init)
{
	CXCursor e = strip_expr(init);
	if (!rules_has_locks(w->rules) || unary_op(w, e) != '&')
		return;
	const char *key = lock_expr(w, e);
	if (key)
		cmap_find(&w->fb.lock_aliases, var, true)->val = (void *)key;
}

static bool expr_key(struct walk *w, CXCursor e, struct strbuf *sb, int depth)
{
	if (depth > 16)
		return false;
	e = strip_expr(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr: {
		CXString n = clang_getCursorSpelling(clang_getCursorReferenced(e));
		strbuf_adds(sb, cstr(n));
		clang_disposeString(n);
		return sb->len > 0;
	}
	case CXCursor_MemberRefExpr: {
		struct kids ks;
		kids_of(e, &ks);
		bool ok = ks.n == 1;
		if (ok) {
			CXType bt = clang_getCanonicalType(clang_getCursorType(ks.c[0]));
			ok = expr_key(w, ks.c[0], sb, depth + 1);
			strbuf_adds(sb, bt.kind == CXType_Pointer ? "->" : ".");
		}
		kids_release(&ks);
		if (ok) {
			CXString n = clang_getCursorSpelling(e);
			strbuf_adds(sb, cstr(n));
			clang_disposeString(n);
		}
		return ok;
	}
	case CXCursor_UnaryOperator: {
		char op = unary_op(w, e);
		if (op == '*')
			strbuf_addc(sb, '*');
		return (op == '&' || op == '*') &&
		       expr_key(w, unary_operand(e), sb, depth + 1);
	}
	case CXCursor_ArraySubscriptExpr: {
		struct kids ks;
		kids_of(e, &ks);
		bool ok = ks.n == 2 && expr_key(w, ks.c[0], sb, depth + 1);
		if (ok) {
			CXEvalResult r = clang_Cursor_Evaluate(ks.c[1]);
			if (r && clang_EvalResult_getKind(r) == CXEval_Int)
				strbuf_addf(sb, "[%lld]", clang_EvalResult_getAsLongLong(r));
			else {
				strbuf_addc(sb, '[');
				ok = expr_key(w, ks.c[1], sb, depth + 1);
				strbuf_addc(sb, ']');
			}
			if (r)
				clang_EvalResult_dispose(r);
		}
		kids_release(&ks);
		return ok;
	}
	default:
		return false;
	}
}

/*
 * The lock an acquire or release call names: its argument without a
 * leading '&' ("&mu" and "& (mu)" are both "mu", LOCK(dev) expanding to
 * pthread_mutex_lock(&(dev)->lock) is "dev->lock").  The key that pairs
 * an acquire with its release, and the name shown.  Falls back to the
 * source text for expressions that are not plain lvalues.
 */
const char *lock_expr(struct walk *w, CXCursor e)
{
	struct strbuf kb;
	strbuf_init(&kb);
	if (expr_key(w, e, &kb, 0)) {
		const char *k = arena_strdup(w->src.a, kb.buf);
		strbuf_release(&kb);
		return k;
	}
	strbuf_release(&kb);
	return lock_expr_text(&w->src, e);
}

/*
 * An argument's lock key for lock-helper summaries: as lock_expr(), but
 * "&x" keeps its '&' so that "q->mu" with q = &x becomes "x.mu".
 */
const char *lock_expr_text_or_key(struct walk *w, CXCursor arg)
{
	struct strbuf kb;
	CXCursor e = strip_expr(arg);
	bool addr = unary_op(w, e) == '&';
	const char *k = NULL;
	strbuf_init(&kb);
	if (expr_key(w, addr ? unary_operand(e) : e, &kb, 0))
		k = arena_printf(w->src.a, "%s%s", addr ? "&" : "", kb.buf);
	strbuf_release(&kb);
	return k;
}

/*
 * A call to a lock-functions acquire or release.  The lock is named by
 * the first argument (pthread_mutex_lock(&mu) locks "mu") or, for a
 * member function, by its object.  An acquire makes a lock variable,
 * alive in the whole function but owned only after this call; a release
 * releases every lock variable with the same name.
 */
void lock_call(struct walk *w, CXCursor c, CXCursor ref, const struct rule *lr,
	       bool acquire, struct vnode *seq, const struct ectx *x)
{
	CXCursor arg = clang_getCursorKind(ref) == CXCursor_CXXMethod
			       ? member_object(c)
			       : clang_Cursor_getNumArguments(c) > 0
					 ? clang_Cursor_getArgument(c, 0)
					 : clang_getNullCursor();
	/*
	 * A pair without an argument (rcu_read_lock()/rcu_read_unlock())
	 * names one lock per pair: the acquire function.
	 */
	const char *key = clang_Cursor_isNull(arg) ? lr->path : lock_expr(w, arg);
	const char *type = "critical section";
	if (!clang_Cursor_isNull(arg) &&
	    clang_getCursorKind(strip_expr(arg)) == CXCursor_DeclRefExpr) {
		/* through "T *p = &m": the lock is m */
		struct cmap_slot *al = cmap_find(
			&w->fb.lock_aliases, clang_getCursorReferenced(strip_expr(arg)), false);
		if (al)
			key = al->val;
	}
	if (!key)
		return;
	if (acquire && !clang_Cursor_isNull(arg)) {
		CXType t = clang_getCursorType(strip_expr(arg));
		if (clang_getCanonicalType(t).kind == CXType_Pointer &&
		    clang_getCursorKind(ref) != CXCursor_CXXMethod)
			t = clang_getPointeeType(t);
		type = type_spelling(&w->src, t);
	}
	lock_key_event(w, c, cursor_loc(&w->src, c), key, type, lr, acquire, seq, x);
}

/* Are 'a' and 'b' the same position? */
static bool same_loc(struct src_loc a, struct src_loc b)
{
	return a.line == b.line && a.col == b.col && a.file && b.file &&
	       !strcmp(a.file, b.file);
}

/*
 * The lock 'key' is acquired (a lock variable, alive in the whole
 * function but owned only from here) or released (every lock variable of
 * that name) at 'loc'.  One lock per site: a lock macro written there
 * stands for the pairs it expands to (spin_lock() to raw_spin_lock(),
 * liburcu's rcu_read_lock to urcu_memb_read_lock); two pair functions at
 * one site (a macro of the project's that takes two locks) are two locks
 * unless they name the same one.  The macro comes first; the function's
 * type, if it has one, names the lock better.  An inner release names
 * the same lock as the macro's release, or nothing.
 */
void lock_key_event(struct walk *w, CXCursor at, struct src_loc loc,
		    const char *key, const char *type, const struct rule *lr,
		    bool acquire, struct vnode *seq, const struct ectx *x)
{
	struct fn_view *fn = w->fb.fn;
	if (acquire) {
		/* a pair without an argument is named by its acquire */
		bool noarg = !strcmp(key, lr->path);
		bool macro = clang_Cursor_isNull(at);
		if (w->fb.last_key && same_loc(w->fb.last_acquire, loc) &&
		    (w->fb.last_macro || !strcmp(w->fb.last_key, key) ||
		     (noarg && w->fb.last_noarg))) {
			/* a function's parameter type names the lock better */
			int lv = w->fb.last_var;
			if (!macro && lv >= 0 && strcmp(type, "critical section") &&
			    !strncmp(fn->vars[lv].type, "lock taken by ", 14))
				fn->vars[lv].type = type;
			return;
		}
		w->fb.last_acquire = loc;
		w->fb.last_key = key;
		w->fb.last_noarg = noarg;
		w->fb.last_macro = macro;
		w->fb.last_var = -1;
	}
	ARENA_GROW(w->src.a, fn->locks, fn->nlocks + 1, fn->cap_locks);
	fn->locks[fn->nlocks++] = (struct vlock){ key, acquire, lr->path,
						  lr->reason, type };
	if (!acquire) { /* paired by lockpair_direct() */
		struct vnode *n = new_node(w, V_UNLOCK, at);
		n->loc = loc;
		n->lock = arena_memdup(w->src.a, &fn->locks[fn->nlocks - 1],
				       sizeof(*n->lock));
		add_node(w, seq, n);
		return;
	}
	if (x->cleanup == CLEANUP_GUARD)
		return; /* reported once, as the guard variable */
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = key;
	v.lock_key = key;
	v.loc = loc;
	v.type = type;
	v.matched = lr->path;
	v.reason = lr->reason;
	v.kind = VAR_LOCK;
	int var = view_add_var(w->src.a, w->fb.fn, &v);
	w->fb.last_var = var;
	struct vnode *d = new_node(w, V_DECL, at);
	d->loc = loc;
	declare(w, d, var, INIT_HELD, false, seq);
	if (x->cleanup == CLEANUP_PLAIN)
		scope_later(w, d);
}

/*
 * A call in a cleanup variable's initializer may turn out (summary.c) to
 * be a lock helper's acquire, released by the cleanup at its scope's end
 * (lockpair_helpers() reads vcall.scope).  In a cleanup guard's
 * initializer the guard itself stands for the lock.
 */
void scope_helper_call(struct walk *w, struct vnode *call, const struct ectx *x)
{
	if (x->cleanup == CLEANUP_GUARD)
		call->call->in_guard = true;
	else
		scope_later(w, call);
}
