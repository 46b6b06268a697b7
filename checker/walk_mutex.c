/*
 * walk_mutex.c - C++ mutexes handed around: the mutex a guard owns
 * (vvar.lock_key), a mutex's own lock() and unlock() calls, a guard that
 * adopts a mutex, the mutex arguments of calls, and an awaiter that is
 * given a mutex and may let it go in its await_suspend.  What these say
 * about a function's suspensions is decided by summary.c: a coroutine
 * that lets its caller's mutex go around every suspension of its own (a
 * condition wait) does not hold the caller's guard over that mutex
 * while the caller awaits it.
 *
 * A mutex is named by its key, as lock-functions locks are: "m",
 * "s.mu", "*p", and "this->m" for a member of the object a method runs
 * on (implicit or written).
 */
#include "common.h"
#include "walk_p.h"
#include "util.h"
#include "view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static bool key_of(struct walk *w, CXCursor e, struct strbuf *sb, int depth)
{
	if (depth > 16)
		return false;
	e = strip_expr(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);
		enum CXCursorKind dk = clang_getCursorKind(d);
		if (dk != CXCursor_VarDecl && dk != CXCursor_ParmDecl)
			return false;
		strbuf_adds(sb, cx_strdup(w->src.a, clang_getCursorSpelling(d)));
		return true;
	}
	case CXCursor_MemberRefExpr: {
		struct kids ks;
		kids_of(e, &ks);
		bool ok;
		if (!ks.n || clang_getCursorKind(strip_expr(ks.c[0])) ==
				     CXCursor_CXXThisExpr) {
			strbuf_adds(sb, "this->");
			ok = true;
		} else {
			CXType bt = clang_getCanonicalType(clang_getCursorType(ks.c[0]));
			ok = ks.n == 1 && key_of(w, ks.c[0], sb, depth + 1);
			strbuf_adds(sb, bt.kind == CXType_Pointer ? "->" : ".");
		}
		kids_release(&ks);
		if (ok)
			strbuf_adds(sb, cx_strdup(w->src.a, clang_getCursorSpelling(e)));
		return ok;
	}
	case CXCursor_UnaryOperator:
		if (unary_op(w, e) != '*')
			return false;
		strbuf_addc(sb, '*');
		return key_of(w, unary_operand(e), sb, depth + 1);
	case CXCursor_CallExpr: {
		/* a guard's mutex: "lk.mutex()" */
		CXCursor obj = member_object(e);
		CXString s = clang_getCursorSpelling(clang_getCursorReferenced(e));
		bool ok = !strcmp(cstr(s), "mutex") && !clang_Cursor_isNull(obj) &&
			  clang_Cursor_getNumArguments(e) == 0 &&
			  key_of(w, obj, sb, depth + 1);
		clang_disposeString(s);
		if (ok)
			strbuf_adds(sb, ".mutex()");
		return ok;
	}
	default:
		return false;
	}
}

/* The key of the mutex 'e' names, or NULL when it is no plain lvalue. */
const char *mutex_key(struct walk *w, CXCursor e)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const char *k = key_of(w, e, &sb, 0) ? arena_strdup(w->src.a, sb.buf)
					      : NULL;
	strbuf_release(&sb);
	return k;
}

static enum CXChildVisitResult unlock_cb(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	bool *found = data;
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k != CXCursor_CXXMethod)
		return CXChildVisit_Continue;
	CXString s = clang_getCursorSpelling(c);
	*found = !strcmp(cstr(s), "unlock");
	clang_disposeString(s);
	return *found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/*
 * Is 't' (or what a reference or pointer 't' refers to) a mutex: a class
 * with an unlock() that is not itself a guard (std::unique_lock has one
 * too)?
 */
bool is_mutex_type(struct walk *w, CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference ||
	    t.kind == CXType_Pointer)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	if (t.kind != CXType_Record)
		return false;
	CXCursor d = type_decl(t);
	if (clang_Cursor_isNull(d))
		return false;
	struct cmap_slot *s = cmap_find(&w->tc.mutexes, d, true);
	if (!s->val) {
		bool found = false;
		struct guard_info gi;
		visit_record(d, unlock_cb, &found);
		s->val = (void *)(uintptr_t)(found && !classify_type(w, t, &gi, 0)
						     ? 1 : 2);
	}
	return (uintptr_t)s->val == 1;
}

/* Is 't' (or what a reference 't' refers to) a template's parameter? */
static bool is_dependent_type(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference)
		t = clang_getCanonicalType(clang_getPointeeType(t));
	return t.kind == CXType_Unexposed;
}

/* The first call under 'e' (through co_await and wrappers), or null. */
static CXCursor first_call(CXCursor e, int depth)
{
	e = strip_expr(e);
	if (clang_getCursorKind(e) == CXCursor_CallExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(e)) == CXCursor_CXXMethod)
		return e;
	if (depth > 4 || clang_getCursorKind(e) != CXCursor_UnexposedExpr)
		return clang_getNullCursor();
	struct kids ks;
	kids_of(e, &ks);
	CXCursor found = ks.n ? first_call(ks.c[0], depth + 1)
			      : clang_getNullCursor();
	kids_release(&ks);
	return found;
}

/*
 * The construction or call under 'e', through the one-child wrappers
 * around it (casts, a functional cast, ExprWithCleanups); else the
 * innermost of those.
 */
static CXCursor construction(CXCursor e)
{
	e = strip_expr(e);
	for (int i = 0; i < 4 && clang_getCursorKind(e) != CXCursor_CallExpr; i++) {
		struct kids ks;
		kids_of(e, &ks);
		CXCursor last = ks.n == 1 ? strip_expr(ks.c[0]) : clang_getNullCursor();
		kids_release(&ks);
		if (clang_Cursor_isNull(last))
			break;
		e = last;
	}
	return e;
}

/* Is 'arg' std::adopt_lock? */
static bool is_adopt_arg(struct walk *w, CXCursor arg)
{
	CXCursor d = type_decl(clang_getCursorType(arg));
	if (clang_Cursor_isNull(d))
		return false;
	const char *q = qualname(w, d);
	return !strcmp(q, "std::adopt_lock_t") || !strcmp(q, "boost::adopt_lock_t");
}

/*
 * The mutex a guard of type 't' initialized by 'init' owns: the first
 * argument of its constructor ("std::unique_lock<M> lk(m)"), or the
 * object of the call that made it ("co_await m.coScopedLock()",
 * "m.scoped_lock()"), when the guard's first template argument is that
 * object's type.  NULL when unknown.  '*adopt' is set when the
 * constructor adopts a mutex already locked.
 */
const char *guard_mutex(struct walk *w, CXType t, CXCursor init, bool *adopt)
{
	*adopt = false;
	if (clang_Cursor_isNull(init) || w->src.lang_c)
		return NULL;
	CXCursor e = construction(init);
	enum CXCursorKind ek = clang_getCursorKind(e);
	if (ek == CXCursor_InitListExpr || ek == CXCursor_UnexposedExpr) {
		/* in a template: "std::unique_lock<Lock> l{_lock, std::adopt_lock}" */
		struct kids ks;
		kids_of(e, &ks);
		const char *key = NULL;
		if (ks.n && (is_mutex_type(w, clang_getCursorType(ks.c[0])) ||
			     is_dependent_type(clang_getCursorType(ks.c[0])))) {
			key = mutex_key(w, ks.c[0]);
			for (unsigned i = 1; i < ks.n; i++)
				*adopt |= is_adopt_arg(w, ks.c[i]);
		}
		kids_release(&ks);
		if (key)
			return key;
	}
	if (ek == CXCursor_CallExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(e)) == CXCursor_Constructor) {
		int n = clang_Cursor_getNumArguments(e);
		if (n < 1)
			return NULL;
		CXCursor m = clang_Cursor_getArgument(e, 0);
		if (!is_mutex_type(w, clang_getCursorType(m)))
			return NULL;
		for (int i = 1; i < n; i++)
			*adopt |= is_adopt_arg(w, clang_Cursor_getArgument(e, (unsigned)i));
		return mutex_key(w, m);
	}
	CXCursor call = first_call(init, 0);
	if (clang_Cursor_isNull(call))
		return NULL;
	CXCursor obj = member_object(call);
	if (clang_Cursor_isNull(obj))
		return NULL;
	CXType ot = clang_getCanonicalType(clang_getCursorType(obj));
	CXType gt = clang_getCanonicalType(t);
	if (clang_Type_getNumTemplateArguments(gt) < 1 || !is_mutex_type(w, ot) ||
	    !clang_equalTypes(clang_getCanonicalType(
				      clang_Type_getTemplateArgumentAsType(gt, 0)),
			      ot))
		return NULL;
	return mutex_key(w, obj);
}

/* A release of the mutex 'key' at 'at': a V_UNLOCK of our own. */
void mutex_release(struct walk *w, CXCursor at, const char *key,
		   struct vnode *seq)
{
	struct vlock *l = arena_alloc(w->src.a, sizeof(*l));
	l->key = key;
	l->type = "mutex";
	struct vnode *n = new_node(w, V_UNLOCK, at);
	n->lock = l;
	add_node(w, seq, n);
}

/* An acquire of the mutex 'key' at 'at': a variable never reported. */
void mutex_acquire(struct walk *w, CXCursor at, const char *key,
		   struct vnode *seq)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = key;
	v.lock_key = key;
	v.loc = cursor_loc(&w->src, at);
	v.type = "mutex";
	v.kind = VAR_MUTEX;
	int var = view_add_var(w->src.a, w->fb.fn, &v);
	struct vnode *d = new_node(w, V_DECL, at);
	declare(w, d, var, INIT_HELD, false, seq);
}

/*
 * A method call 'c' of 'method' on a mutex object 'obj' that no tracked
 * guard is: unlock() releases it, lock() and its kin take it.
 */
void mutex_call(struct walk *w, CXCursor c, const char *method, CXCursor obj,
		struct vnode *seq)
{
	bool unlock = !strcmp(method, "unlock") || !strcmp(method, "unlock_shared");
	bool lock = !strcmp(method, "lock") || !strcmp(method, "lock_shared") ||
		    !strncmp(method, "try_lock", 8);
	if ((!unlock && !lock) || w->src.lang_c || clang_Cursor_isNull(obj) ||
	    var_of_expr(w, obj) >= 0)
		return;
	/*
	 * A mutex, or a guard we do not track (an awaiter's reference to
	 * the caller's guard: "m_lock.unlock()")
	 */
	struct guard_info gi;
	if (!is_mutex_type(w, clang_getCursorType(obj)) &&
	    !classify_type(w, clang_getCursorType(obj), &gi, 0))
		return;
	const char *key = mutex_key(w, obj);
	if (!key)
		return;
	if (unlock)
		mutex_release(w, c, key, seq);
	else
		mutex_acquire(w, c, key, seq);
}

/*
 * A co_await whose operand is a mutex's awaitable lock operation
 * ("co_await m.coLock()", "co_await m.lock_async()"; not one that
 * returns a guard, which is a variable of its own): the key of the
 * mutex it holds once the coroutine resumes, or NULL.
 */
const char *mutex_awaited_lock(struct walk *w, CXCursor await, CXCursor operand)
{
	if (w->src.lang_c)
		return NULL;
	CXCursor call = first_call(operand, 0);
	if (clang_Cursor_isNull(call))
		return NULL;
	CXCursor obj = member_object(call);
	if (clang_Cursor_isNull(obj) || !is_mutex_type(w, clang_getCursorType(obj)) ||
	    var_of_expr(w, obj) >= 0)
		return NULL;
	struct guard_info gi;
	if (classify_type(w, clang_getCursorType(await), &gi, 0))
		return NULL;
	const char *method = cx_strdup(w->src.a, clang_getCursorSpelling(
					   clang_getCursorReferenced(call)));
	bool lockish = false;
	for (const char *p = method; *p && !lockish; p++)
		lockish = (p[0] == 'l' || p[0] == 'L') && !strncmp(p + 1, "ock", 3);
	if (!lockish || strstr(method, "nlock") || strstr(method, "try") ||
	    strstr(method, "coped"))
		return NULL;
	return mutex_key(w, obj);
}

/*
 * The mutex arguments of a call, for the summaries (vcall.arg_keys):
 * each argument that names a mutex, by reference.  Returns false when
 * none does.
 */
bool mutex_args(struct walk *w, CXCursor c, struct vcall *call, int nargs)
{
	const char **keys = NULL;
	for (int i = 0; i < nargs; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, (unsigned)i);
		if (!is_mutex_type(w, clang_getCursorType(arg)))
			continue;
		const char *k = mutex_key(w, arg);
		if (!k)
			continue;
		if (!keys)
			keys = arena_alloc(w->src.a, (size_t)nargs * sizeof(*keys));
		keys[i] = k;
	}
	if (!keys)
		return false;
	call->nargs = (size_t)nargs;
	call->arg_keys = keys;
	return true;
}

struct ctor_binds {
	struct walk *w;
	CXCursor ctor;
	CXCursor call;        /* the construction, for its arguments */
	const char *member;   /* the member whose initializer comes next */
	struct vbind *out;
	size_t n, cap;
};

static enum CXChildVisitResult bind_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct ctor_binds *b = data;
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_MemberRef) {
		b->member = cx_strdup(b->w->src.a, clang_getCursorSpelling(c));
		return CXChildVisit_Continue;
	}
	if (!clang_isExpression(k) || !b->member)
		return CXChildVisit_Continue;
	const char *member = b->member;
	b->member = NULL;
	CXCursor e = strip_expr(c);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return CXChildVisit_Continue;
	CXCursor p = clang_getCursorReferenced(e);
	if (clang_getCursorKind(p) != CXCursor_ParmDecl)
		return CXChildVisit_Continue;
	int nargs = clang_Cursor_getNumArguments(b->ctor);
	for (int i = 0; i < nargs; i++) {
		if (!clang_equalCursors(clang_Cursor_getArgument(b->ctor, (unsigned)i), p))
			continue;
		if (i >= clang_Cursor_getNumArguments(b->call))
			break;
		CXCursor arg = clang_Cursor_getArgument(b->call, (unsigned)i);
		const char *key = is_mutex_type(b->w, clang_getCursorType(arg))
					  ? mutex_key(b->w, arg)
					  : NULL;
		if (!key)
			break;
		ARENA_GROW(b->w->src.a, b->out, b->n + 1, b->cap);
		b->out[b->n++] = (struct vbind){
			arena_printf(b->w->src.a, "this->%s", member), key, -1
		};
		break;
	}
	return CXChildVisit_Continue;
}

/* Reference members of a class (and its bases) to a given type. */
struct ref_fields {
	CXType target;        /* canonical */
	const char *found;    /* the member's name */
	int n;                /* how many */
	int depth;
};

static enum CXVisitorResult ref_field_cb(CXCursor c, CXClientData data)
{
	struct ref_fields *rf = data;
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	if (t.kind == CXType_LValueReference &&
	    clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(t)),
			     rf->target)) {
		CXString s = clang_getCursorSpelling(c);
		if (!rf->n++)
			rf->found = strdup(cstr(s));
		clang_disposeString(s);
	}
	return CXVisit_Continue;
}

static void ref_fields_of(CXType t, struct ref_fields *rf);

static enum CXChildVisitResult ref_base_cb(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_CXXBaseSpecifier)
		ref_fields_of(clang_getCursorType(c), data);
	return CXChildVisit_Continue;
}

static void ref_fields_of(CXType t, struct ref_fields *rf)
{
	t = clang_getCanonicalType(t);
	CXCursor d = type_decl(t);
	if (rf->depth > 4 || clang_Cursor_isNull(d))
		return;
	rf->depth++;
	clang_Type_visitFields(t, ref_field_cb, rf);
	CXCursor def = clang_getCursorDefinition(d);
	clang_visitChildren(clang_Cursor_isNull(def) ? d : def, ref_base_cb, rf);
	rf->depth--;
}

/*
 * A guard of the caller handed by reference to the call that makes the
 * awaiter ("co_await cv.wait(lk)"): the awaiter's one reference member
 * of that guard's type is it (bound by type: the function's body is not
 * looked into).
 */
static void guard_ref_binds(struct walk *w, CXCursor call, CXType awaiter,
			    struct ctor_binds *b)
{
	CXCursor fn = clang_getCursorReferenced(call);
	int nargs = clang_Cursor_getNumArguments(call);
	for (int i = 0; i < nargs; i++) {
		CXCursor arg = clang_Cursor_getArgument(call, (unsigned)i);
		int var = var_of_expr(w, arg);
		CXCursor parm = clang_Cursor_getArgument(fn, (unsigned)i);
		if (var < 0 || clang_Cursor_isNull(parm) ||
		    clang_getCanonicalType(clang_getCursorType(parm)).kind !=
			    CXType_LValueReference)
			continue;
		struct ref_fields rf = {
			clang_getCanonicalType(clang_getCursorType(strip_expr(arg))),
			NULL, 0, 0
		};
		ref_fields_of(awaiter, &rf);
		if (rf.n == 1) {
			ARENA_GROW(w->src.a, b->out, b->n + 1, b->cap);
			b->out[b->n++] = (struct vbind){
				arena_printf(w->src.a, "this->%s", rf.found), NULL, var
			};
		}
		free((void *)rf.found);
	}
}

/*
 * An awaiter constructed right in a co_await's operand ('operand') from
 * mutexes: which of its members its constructor binds to which of the
 * caller's mutexes ("Awaiter{this, lock}" with "_lock(lock)": this->_lock
 * is lock); or one a call makes from the caller's guard, by reference
 * (guard_ref_binds()).  Returns their number; '*out' in the TU's arena.
 */
size_t awaiter_binds(struct walk *w, CXCursor operand, struct vbind **out)
{
	CXCursor e = construction(operand);
	*out = NULL;
	CXCursor fn = clang_getCursorReferenced(e);
	if (clang_getCursorKind(e) != CXCursor_CallExpr || clang_Cursor_isNull(fn))
		return 0;
	CXCursor def = clang_getCursorDefinition(fn);
	struct ctor_binds b = { w, def, e, NULL, NULL, 0, 0 };
	if (clang_getCursorKind(fn) == CXCursor_Constructor &&
	    !clang_Cursor_isNull(def) && !in_system_header(def))
		clang_visitChildren(def, bind_cb, &b);
	if (!in_system_header(fn))
		guard_ref_binds(w, e, clang_getCursorType(strip_expr(operand)), &b);
	*out = b.out;
	return b.n;
}
