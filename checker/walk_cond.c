/*
 * walk_cond.c - conditions that decide the same way wherever they are
 * tested in a function: `if (c) lk.unlock(); ... if (c) co_await x;`.
 *
 * A condition is stable when it reads only parameters and locals (and
 * literals), through comparisons and logical operators, calls nothing,
 * and none of the variables it reads is written anywhere in the function
 * after its declaration (assigned, incremented, its address taken, bound
 * to a non-const reference).  Each V_IF whose condition is stable and
 * tested at least twice gets an id (vnode.cond) and a polarity; flow.c
 * labels its branches and lifetime.c takes the pair of branches decided
 * by one condition consistently.  At most VIEW_MAX_CONDS per function;
 * beyond that (and before libclang 17, which cannot tell a write from a
 * read here) conditions are not tracked and the answer is the
 * path-insensitive one.
 */
#include "common.h"
#include "walk_p.h"
#include "strmap.h"
#include "util.h"
#include "view.h"

#include <stdlib.h>
#include <string.h>

/* A V_IF whose condition may be stable, until the function is walked. */
struct cond_use {
	struct vnode *n;
	const char *key;      /* the condition without '!' and blanks */
	bool neg;
	CXCursor *decls;      /* the variables it reads */
	size_t ndecls;
};

#if CINDEX_VERSION_MINOR >= 64
struct cond_read {
	CXCursor *decls;
	size_t n, cap;
	bool ok;
};

static enum CXChildVisitResult read_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct cond_read *r = data;
	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(c);
		enum CXCursorKind dk = clang_getCursorKind(d);
		enum CXCursorKind pk =
			clang_getCursorKind(clang_getCursorSemanticParent(d));
		bool in_function = pk == CXCursor_FunctionDecl ||
				   pk == CXCursor_CXXMethod ||
				   pk == CXCursor_Constructor ||
				   pk == CXCursor_Destructor ||
				   pk == CXCursor_FunctionTemplate ||
				   pk == CXCursor_ConversionFunction;
		if ((dk != CXCursor_ParmDecl && dk != CXCursor_VarDecl) ||
		    !in_function ||
		    clang_Cursor_getStorageClass(d) == CX_SC_Static) {
			r->ok = false;
			return CXChildVisit_Break;
		}
		ARRAY_GROW(r->decls, r->n + 1, r->cap);
		r->decls[r->n++] = d;
		return CXChildVisit_Continue;
	}
	case CXCursor_UnexposedExpr:
	case CXCursor_ParenExpr:
	case CXCursor_BinaryOperator:
	case CXCursor_UnaryOperator:
		return CXChildVisit_Recurse;
	case CXCursor_IntegerLiteral:
	case CXCursor_CXXBoolLiteralExpr:
	case CXCursor_CharacterLiteral:
	case CXCursor_CXXNullPtrLiteralExpr:
		return CXChildVisit_Continue;
	default:
		r->ok = false;
		return CXChildVisit_Break;
	}
}
#endif

#if CINDEX_VERSION_MINOR >= 64
/* An assignment, plain or compound (not a comma). */
static bool is_write(CXCursor binop)
{
	enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(binop);
	return k >= CXBinaryOperator_Assign && k != CXBinaryOperator_Comma;
}
#endif

/*
 * Note the V_IF 'n' with condition 'cond' (no declaration, no
 * init-statement) as a candidate for a stable condition.
 */
void cond_note(struct walk *w, struct vnode *n, CXCursor cond)
{
#if CINDEX_VERSION_MINOR >= 64
	CXCursor e = strip_expr(cond);
	bool neg = false;
	while (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
	       clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot) {
		neg = !neg;
		e = unary_operand(e);
	}
	struct cond_read r = { NULL, 0, 0, true };
	enum CXChildVisitResult top = read_cb(e, clang_getNullCursor(), &r);
	if (top == CXChildVisit_Recurse)
		clang_visitChildren(e, read_cb, &r);
	const char *key = r.ok && r.n ? lock_expr_text(&w->src, e) : NULL;
	if (key && clang_getCursorKind(e) == CXCursor_BinaryOperator &&
	    is_write(e))
		key = NULL; /* an assignment in a condition is not a test */
	if (!key) {
		free(r.decls);
		return;
	}
	ARRAY_GROW(w->fb.conds, w->fb.nconds + 1, w->fb.cap_conds);
	struct cond_use *u = arena_alloc(w->src.a, sizeof(*u));
	u->n = n;
	u->key = key;
	u->neg = neg;
	u->decls = arena_memdup(w->src.a, r.decls, r.n * sizeof(*r.decls));
	u->ndecls = r.n;
	free(r.decls);
	w->fb.conds[w->fb.nconds++] = u;
#else
	(void)w;
	(void)n;
	(void)cond;
#endif
}

#if CINDEX_VERSION_MINOR >= 64
struct writes {
	struct cmap written;  /* VarDecl/ParmDecl -> (void *)1 */
};

static void mark_written(struct writes *wr, CXCursor e)
{
	e = strip_expr(e);
	if (clang_getCursorKind(e) == CXCursor_DeclRefExpr)
		cmap_find(&wr->written, clang_getCursorReferenced(e), true)->val =
			(void *)1;
}

static enum CXChildVisitResult write_cb(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct writes *wr = data;
	struct kids ks;
	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
		if (is_write(c)) {
			kids_of(c, &ks);
			if (ks.n)
				mark_written(wr, ks.c[0]);
			kids_release(&ks);
		}
		break;
	case CXCursor_UnaryOperator:
		switch (clang_getCursorUnaryOperatorKind(c)) {
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec:
		case CXUnaryOperator_AddrOf:
			mark_written(wr, unary_operand(c));
			break;
		default:
			break;
		}
		break;
	case CXCursor_CallExpr: {
		/* an lvalue argument binds a reference: it may be written */
		int n = clang_Cursor_getNumArguments(c);
		for (int i = 0; i < n; i++) {
			CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);
			if (clang_getCursorKind(a) == CXCursor_DeclRefExpr)
				mark_written(wr, a);
		}
		break;
	}
	case CXCursor_LambdaExpr:
		/* captured by reference, or not: the lambda may write it */
		clang_visitChildren(c, write_cb, data);
		return CXChildVisit_Continue;
	default:
		break;
	}
	return CXChildVisit_Recurse;
}
#endif

/*
 * The function 'fn' is walked: give an id to each stable condition tested
 * at least twice, and forget the rest.
 */
void cond_finish(struct walk *w, CXCursor fn)
{
#if CINDEX_VERSION_MINOR >= 64
	/* per key: how often it is tested, and its id once decided */
	struct cond_key {
		size_t uses;
		int id;           /* -1: not tracked */
		bool decided;
	};
	struct strmap keys;
	struct writes wr;
	bool scanned = false;
	int next = 0;
	memset(&keys, 0, sizeof(keys));
	memset(&wr, 0, sizeof(wr));
	for (size_t i = 0; i < w->fb.nconds; i++) {
		struct strmap_slot *sl = strmap_find(&keys, w->fb.conds[i]->key, true);
		if (!sl->val) {
			struct cond_key *k = arena_alloc(w->src.a, sizeof(*k));
			k->id = -1;
			sl->val = k;
		}
		((struct cond_key *)sl->val)->uses++;
	}
	for (size_t i = 0; i < w->fb.nconds; i++) {
		struct cond_use *u = w->fb.conds[i];
		struct cond_key *k = strmap_find(&keys, u->key, false)->val;
		if (k->uses < 2)
			continue;
		if (!k->decided && next < VIEW_MAX_CONDS) {
			if (!scanned) {
				clang_visitChildren(fn, write_cb, &wr);
				scanned = true;
			}
			bool stable = true;
			for (size_t d = 0; d < u->ndecls && stable; d++)
				stable = !cmap_find(&wr.written, u->decls[d], false);
			k->decided = true;
			k->id = stable ? next++ : -1;
		}
		if (k->id < 0)
			continue;
		u->n->cond = k->id;
		u->n->cond_neg = u->neg;
	}
	w->fb.fn->nconds = next;
	cmap_release(&wr.written);
	strmap_release(&keys);
#else
	(void)fn;
#endif
	w->fb.nconds = 0;
}
