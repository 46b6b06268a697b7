/*
 * walk_stmt.c - statements and scopes: compound statements, if/else,
 * loops, switch/case, labels and goto, try/catch, return and co_return,
 * as the control structure of the view (view.h).  Each scope records its
 * node for the variables declared in it (their region ends with it).
 * Also the node constructors the family shares.
 */
#include "common.h"
#include "walk_p.h"
#include "util.h"
#include "view.h"

#include <string.h>

/*
 * Enter statement or expression 'c' (walk_stmt(), walk_expr()): the
 * configured macros expanded before it come first.  False past the
 * nesting limit, noted in w->fb.too_deep: then 'c' is not walked.  The
 * caller decrements w->fb.depth when done.
 */
bool walk_enter(struct walk *w, CXCursor c, struct vnode *seq,
		const struct ectx *x)
{
	if (w->fb.depth > MAX_DEPTH) {
		w->fb.too_deep = true;
		return false;
	}
	if (w->mac.next < w->mac.end)
		flush_macros(w, start_offset(c), seq, x);
	w->fb.depth++;
	return true;
}

/* Open a scope: returns the mark close_scope() takes. */
size_t open_scope(struct walk *w)
{
	return w->fb.nscope_vars;
}

static void scope_push(struct walk *w, int var, struct vnode *call)
{
	ARRAY_GROW(w->fb.scope_vars, w->fb.nscope_vars + 1, w->fb.cap_scope_vars);
	w->fb.scope_vars[w->fb.nscope_vars++] = (struct scope_item){ var, call,
								     NULL };
}

/*
 * Variable 'var' lives to the end of the innermost open scope, and
 * 'call' (its cleanup(fn)) runs at every exit from it: cleanup_exits().
 */
void scope_add_cleanup(struct walk *w, int var, struct vcall *call)
{
	/* var -1: a C++ destructor, which runs whatever the object holds */
	scope_push(w, var, NULL);
	w->fb.scope_vars[w->fb.nscope_vars - 1].cleanup = call;
}

/*
 * Leaving the scopes opened since 'mark' at 'loc' (their closing brace,
 * a return, break or continue): append to 'seq' what runs there, in
 * reverse order of declaration: each cleanup(fn) call, and the end of
 * each variable from the first one with a cleanup on (so that those
 * declared after a variable are not held across its cleanup: they are
 * destroyed first).
 */
void cleanup_exits(struct walk *w, size_t mark, struct vnode *seq,
		   struct src_loc loc)
{
	size_t first = w->fb.nscope_vars;
	for (size_t i = mark; i < w->fb.nscope_vars && first == w->fb.nscope_vars;
	     i++)
		if (w->fb.scope_vars[i].cleanup)
			first = i;
	for (size_t i = w->fb.nscope_vars; i-- > first;) {
		struct scope_item it = w->fb.scope_vars[i];
		struct vnode *n;
		if (it.cleanup) {
			n = view_new_node(w->src.a, V_CALL);
			n->call = it.cleanup;
			n->loc = loc;
			add_node(w, seq, n);
		}
		if (it.var >= 0) {
			n = view_new_node(w->src.a, V_EVENT);
			n->ev = EV_RELEASE;
			n->var = it.var;
		} else {
			continue;
		}
		n->loc = loc;
		add_node(w, seq, n);
	}
}

/* Variable 'var' lives to the end of the innermost open scope. */
void scope_add(struct walk *w, int var)
{
	scope_push(w, var, NULL);
}

/*
 * 'n' (a lock's declaration, or a call) is in a cleanup variable's
 * initializer: what it takes is released at the end of the scope the
 * variable is declared in, which scope_add_later() names once the
 * initializer is walked.
 */
void scope_later(struct walk *w, struct vnode *n)
{
	ARRAY_GROW(w->fb.later, w->fb.nlater + 1, w->fb.cap_later);
	w->fb.later[w->fb.nlater++] = (struct scope_item){ n->var, n, NULL };
}

/* The items scope_later() got since 'first' join the innermost scope. */
void scope_add_later(struct walk *w, size_t first)
{
	for (size_t i = first; i < w->fb.nlater; i++) {
		struct scope_item it = w->fb.later[i];
		if (it.call->kind == V_DECL) {
			/* a lock variable released at the end of the scope */
			w->fb.fn->vars[it.var].kind = VAR_LOCAL;
			scope_add(w, it.var);
		} else {
			scope_push(w, -1, it.call);
		}
	}
	w->fb.nlater = first;
}

/*
 * What was added since 'mark' ends with node 'scope', whose end is at
 * 'loc' (the cleanup calls run there).
 */
void close_scope_at(struct walk *w, size_t mark, struct vnode *scope,
		    struct src_loc loc)
{
	cleanup_exits(w, mark, scope, loc);
	close_scope(w, mark, scope);
}

/* What was added since 'mark' ends with node 'scope'. */
void close_scope(struct walk *w, size_t mark, struct vnode *scope)
{
	while (w->fb.nscope_vars > mark) {
		struct scope_item it = w->fb.scope_vars[--w->fb.nscope_vars];
		if (it.var >= 0)
			w->fb.fn->vars[it.var].scope = scope;
		else if (it.call)
			it.call->call->scope = scope;
	}
}

/*
 * Finish the declaration node 'd' of variable 'var' and append it to
 * 'seq': the variable starts as 'state' at 'd' and, when 'scoped', lives
 * to the end of the innermost open scope.
 */
void declare(struct walk *w, struct vnode *d, int var, enum vinit state,
	     bool scoped, struct vnode *seq)
{
	d->var = var;
	d->init = state;
	w->fb.fn->vars[var].from = d;
	if (scoped)
		scope_add(w, var);
	add_node(w, seq, d);
}

struct vnode *new_node(struct walk *w, enum vnode_kind kind, CXCursor c)
{
	struct vnode *n = view_new_node(w->src.a, kind);
	if (!clang_Cursor_isNull(c))
		n->loc = cursor_loc(&w->src, c);
	return n;
}

void add_node(struct walk *w, struct vnode *seq, struct vnode *n)
{
	if (n)
		view_add_kid(w->src.a, seq, n);
}

void add_event(struct walk *w, struct vnode *seq, CXCursor at,
		  enum vevent ev, int var, int var2)
{
	struct vnode *n = new_node(w, V_EVENT, at);
	n->ev = ev;
	n->var = var;
	n->var2 = var2;
	add_node(w, seq, n);
}

static void walk_compound(struct walk *w, CXCursor c, struct vnode *seq,
			  const struct ectx *x)
{
	struct kids ks;
	size_t mark = open_scope(w);
	struct vnode *s = new_node(w, V_SEQ, c);
	ARRAY_GROW(w->fb.blocks, w->fb.nblocks + 1, w->fb.cap_blocks);
	w->fb.blocks[w->fb.nblocks++] = (struct block_mark){
		start_offset(c), end_offset(c), mark
	};
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++)
		walk_stmt(w, ks.c[i], s, x);
	kids_release(&ks);
	w->fb.nblocks--;
	if (w->mac.next < w->mac.end) /* a macro that expands to nothing, last */
		flush_macros(w, end_offset(c) - 1, s, x);
	/* the closing brace: the range's end is past it */
	CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(c));
	CXFile f;
	unsigned off;
	clang_getExpansionLocation(end, &f, NULL, NULL, &off);
	struct src_loc brace = off && f ? src_loc_of(&w->src,
			clang_getLocationForOffset(w->src.cx, f, off - 1)) : s->loc;
	close_scope_at(w, mark, s, brace);
	add_node(w, seq, s);
}

/* A statement as the body of if/loop/case: its own scope. */
static struct vnode *sub_stmt(struct walk *w, CXCursor c, const struct ectx *x)
{
	size_t mark = open_scope(w);
	struct vnode *s = new_node(w, V_SEQ, clang_getNullCursor());
	if (!clang_Cursor_isNull(c))
		walk_stmt(w, c, s, x);
	close_scope(w, mark, s);
	return s;
}

/* Condition part: an optional condition variable, then the condition. */
static struct vnode *cond_part(struct walk *w, CXCursor var, CXCursor cond,
			       const struct ectx *x)
{
	struct vnode *s = new_node(w, V_SEQ, clang_getNullCursor());
	if (!clang_Cursor_isNull(var))
		walk_vardecl(w, var, s, x);
	if (!clang_Cursor_isNull(cond))
		walk_full_expr(w, cond, s, x);
	return s;
}

static void walk_if(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	unsigned nk = ks.n;
	int text_else = nk >= 3 ? word_between(&w->src, ks.c[nk - 2], ks.c[nk - 1],
					       "else")
				: 0;
	bool has_else = text_else == 1;
	if (text_else < 0) {
		/*
		 * Written by a macro, as the kernel's scoped_guard ("if (0)
		 * { label: break; } else BODY"): with three children and no
		 * declaration among them, a block or statement second is
		 * the then-branch of an if/else.
		 */
		enum CXCursorKind k0 = clang_getCursorKind(ks.c[0]);
		enum CXCursorKind k1 = clang_getCursorKind(ks.c[1]);
		has_else = nk == 3 && k0 != CXCursor_DeclStmt &&
			   k0 != CXCursor_VarDecl && clang_isStatement(k1) &&
			   !clang_isExpression(k1);
	}
	unsigned then_i = has_else ? nk - 2 : nk - 1;
	unsigned cond_i = then_i - 1;
	CXCursor condvar = clang_getNullCursor();
	unsigned init_end = cond_i;
	/* 'if (T x = e)': the VarDecl, then an implicit use of it */
	for (unsigned i = 0; i < cond_i; i++)
		if (clang_getCursorKind(ks.c[i]) == CXCursor_VarDecl) {
			condvar = ks.c[i];
			init_end = i;
		}

	size_t mark = open_scope(w);
	struct vnode *wrap = new_node(w, V_SEQ, c);
	for (unsigned i = 0; i < init_end; i++)
		walk_stmt(w, ks.c[i], wrap, x);
	struct vnode *n = new_node(w, V_IF, c);
	if (clang_Cursor_isNull(condvar) && init_end == 0)
		cond_note(w, n, ks.c[cond_i]);
	n->a = cond_part(w, condvar, ks.c[cond_i], x);
	struct ectx yes = *x, no = *x;
	if (clang_Cursor_isNull(condvar)) {
		yes = flag_branch(w, ks.c[cond_i], true, x);
		no = flag_branch(w, ks.c[cond_i], false, x);
	}
	n->b = sub_stmt(w, ks.c[then_i], &yes);
	if (has_else)
		n->c = sub_stmt(w, ks.c[nk - 1], &no);
	add_node(w, wrap, n);
	close_scope(w, mark, wrap);
	add_node(w, seq, wrap);
	kids_release(&ks);
}

static void walk_for(struct walk *w, CXCursor c, struct vnode *seq,
		     const struct ectx *x)
{
	struct kids ks;
	CXCursor init = clang_getNullCursor(), condvar = clang_getNullCursor(),
		 cond = clang_getNullCursor(), inc = clang_getNullCursor();
	kids_of(c, &ks);
	if (!ks.n) {
		kids_release(&ks);
		return;
	}
	CXCursor body = ks.c[ks.n - 1];
	CXFile f;
	unsigned start, end;
	struct semis sm = { 0, { 0, 0 }, 0 };
	/*
	 * The header's two ';' tell init, condition and increment apart.
	 * A for written inside a macro (the kernel's scoped_guard) is read
	 * where it is spelled, in the macro's definition.
	 */
	CXSourceLocation at = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile ef;
	unsigned eo;
	clang_getSpellingLocation(at, &f, NULL, NULL, &start);
	clang_getExpansionLocation(at, &ef, NULL, NULL, &eo);
	bool spelled = f && ef && (!clang_File_isEqual(f, ef) || start != eo);
	if (spelled) {
		size_t size;
		if (file_contents(&w->src, f, &size))
			scan_code(&w->src, f, start, (unsigned)size, semis_cb, &sm);
	} else {
		extent_offsets(c, &f, &start, &end);
		scan_code(&w->src, f, start, end, semis_cb, &sm);
	}
	for (unsigned i = 0; i + 1 < ks.n; i++) {
		CXFile cf;
		unsigned cs, ce;
		if (spelled) {
			clang_getSpellingLocation(
				clang_getRangeStart(clang_getCursorExtent(ks.c[i])),
				&cf, NULL, NULL, &cs);
			if (!cf || !f || !clang_File_isEqual(cf, f))
				cs = sm.n == 2 ? sm.at[0] : 0; /* from a macro argument */
		} else {
			extent_offsets(ks.c[i], &cf, &cs, &ce);
		}
		enum CXCursorKind kk = clang_getCursorKind(ks.c[i]);
		bool is_var = kk == CXCursor_VarDecl;
		if (kk == CXCursor_DeclStmt || (sm.n == 2 && cs < sm.at[0]))
			init = ks.c[i];
		else if (sm.n == 2 && cs > sm.at[1])
			inc = ks.c[i];
		else if (is_var)
			condvar = ks.c[i];
		else if (sm.n == 2 || clang_Cursor_isNull(cond))
			cond = ks.c[i];
	}

	size_t mark = open_scope(w);
	struct vnode *wrap = new_node(w, V_SEQ, c);
	if (!clang_Cursor_isNull(init))
		walk_stmt(w, init, wrap, x);
	struct vnode *n = new_node(w, V_LOOP, c);
	size_t cmark = open_scope(w);
	if (!clang_Cursor_isNull(cond) || !clang_Cursor_isNull(condvar))
		n->a = cond_part(w, condvar, cond, x);
	n->b = sub_stmt(w, body, x);
	if (!clang_Cursor_isNull(inc)) {
		n->c = new_node(w, V_SEQ, inc);
		walk_full_expr(w, inc, n->c, x);
	}
	close_scope(w, cmark, n->c ? n->c : n->b);
	add_node(w, wrap, n);
	close_scope(w, mark, wrap);
	add_node(w, seq, wrap);
	kids_release(&ks);
}

/*
 * The declaration in 'while (T x = e)' or 'switch (T x = e)': the first
 * of the statement's children 'ks' when there are three, else null.
 */
static CXCursor cond_var(const struct kids *ks)
{
	if (ks->n >= 3 && clang_getCursorKind(ks->c[0]) == CXCursor_VarDecl)
		return ks->c[0];
	return clang_getNullCursor();
}

static void walk_while(struct walk *w, CXCursor c, struct vnode *seq,
		       const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	CXCursor condvar = cond_var(&ks);
	struct vnode *n = new_node(w, V_LOOP, c);
	size_t mark = open_scope(w);
	n->a = cond_part(w, condvar, ks.c[ks.n - 2], x);
	n->b = sub_stmt(w, ks.c[ks.n - 1], x);
	close_scope(w, mark, n->b);
	add_node(w, seq, n);
	kids_release(&ks);
}

static void walk_do(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	struct vnode *n = new_node(w, V_LOOP, c);
	n->flags |= LOOP_DO;
	n->b = sub_stmt(w, ks.c[0], x);
	n->a = cond_part(w, clang_getNullCursor(), ks.c[1], x);
	add_node(w, seq, n);
	kids_release(&ks);
}

static void walk_range_for(struct walk *w, CXCursor c, struct vnode *seq,
			   const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 3) {
		kids_release(&ks);
		return;
	}
	/* [loop variable, range, body]: the range is evaluated once */
	size_t mark = open_scope(w);
	struct vnode *wrap = new_node(w, V_SEQ, c);
	header_init_guard(w, c, wrap);
	walk_expr(w, ks.c[1], wrap, x);
	struct vnode *n = new_node(w, V_LOOP, c);
	n->a = new_node(w, V_SEQ, clang_getNullCursor()); /* "more elements?" */
	size_t bmark = open_scope(w);
	n->b = new_node(w, V_SEQ, clang_getNullCursor());
	if (clang_getCursorKind(ks.c[0]) == CXCursor_VarDecl)
		walk_vardecl(w, ks.c[0], n->b, x);
	walk_stmt(w, ks.c[ks.n - 1], n->b, x);
	close_scope(w, bmark, n->b);
	add_node(w, wrap, n);
	close_scope(w, mark, wrap);
	add_node(w, seq, wrap);
	kids_release(&ks);
}

static void walk_switch(struct walk *w, CXCursor c, struct vnode *seq,
			const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	CXCursor condvar = cond_var(&ks);
	size_t mark = open_scope(w);
	header_init_guard(w, c, seq);
	struct vnode *n = new_node(w, V_SWITCH, c);
	n->a = cond_part(w, condvar, ks.c[ks.n - 2], x);
	n->b = sub_stmt(w, ks.c[ks.n - 1], x);
	close_scope(w, mark, n);
	add_node(w, seq, n);
	kids_release(&ks);
}

static void walk_case(struct walk *w, CXCursor c, bool is_default,
		      struct vnode *seq, const struct ectx *x)
{
	struct kids ks;
	struct vnode *n = new_node(w, V_CASE, c);
	if (is_default)
		n->flags |= CASE_DEFAULT;
	kids_of(c, &ks);
	if (ks.n)
		walk_stmt(w, ks.c[ks.n - 1], n, x);
	kids_release(&ks);
	add_node(w, seq, n);
}

static int label_id(struct walk *w, CXCursor label)
{
	struct cmap_slot *s = cmap_find(&w->fb.labels, label, true);
	if (!s->val)
		s->val = (void *)(intptr_t)(++w->fb.fn->nlabels);
	return (int)(intptr_t)s->val - 1;
}

static void walk_try(struct walk *w, CXCursor c, struct vnode *seq,
		     const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (!ks.n) {
		kids_release(&ks);
		return;
	}
	struct vnode *n = new_node(w, V_TRY, c);
	n->a = sub_stmt(w, ks.c[0], x);
	for (unsigned i = 1; i < ks.n; i++) {
		struct kids hk;
		size_t mark = open_scope(w);
		struct vnode *h = new_node(w, V_SEQ, ks.c[i]);
		kids_of(ks.c[i], &hk);
		for (unsigned j = 0; j < hk.n; j++) {
			if (clang_getCursorKind(hk.c[j]) == CXCursor_VarDecl)
				walk_vardecl(w, hk.c[j], h, x);
			else
				walk_stmt(w, hk.c[j], h, x);
		}
		kids_release(&hk);
		close_scope(w, mark, h);
		view_add_kid(w->src.a, n, h);
	}
	add_node(w, seq, n);
	kids_release(&ks);
}

static void walk_unexposed_stmt(struct walk *w, CXCursor c, struct vnode *seq,
				const struct ectx *x)
{
	unsigned off;
	const char *kw = keyword_of(&w->src, c, &off);
	struct kids ks;

	kids_of(c, &ks);
	if (kw && !strcmp(kw, "co_return")) {
		struct vnode *n = new_node(w, V_RETURN, c);
		if (ks.n == 2)
			walk_full_expr(w, ks.c[0], n, x);
		add_node(w, seq, n);
	} else {
		/* [[attributes]] stmt, and what else libclang does not expose */
		for (unsigned i = 0; i < ks.n; i++)
			walk_stmt(w, ks.c[i], seq, x);
	}
	kids_release(&ks);
}

/*
 * break, continue, return, goto: the cleanups of the scopes the jump
 * leaves run at it (cleanup_exits()), then it jumps.
 */
static void walk_jump(struct walk *w, CXCursor c, enum CXCursorKind k,
		      struct vnode *seq, const struct ectx *x)
{
	struct vnode *n;
	struct kids ks;

	switch (k) {
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt:
		n = new_node(w, k == CXCursor_BreakStmt ? V_BREAK : V_CONTINUE, c);
		for (size_t i = w->fb.njumps; i-- > 0;)
			if (k == CXCursor_BreakStmt || w->fb.jumps[i].loop) {
				cleanup_exits(w, w->fb.jumps[i].mark, seq, n->loc);
				break;
			}
		break;
	case CXCursor_ReturnStmt:
		n = new_node(w, V_RETURN, c);
		kids_of(c, &ks);
		if (ks.n)
			walk_full_expr(w, ks.c[0], n, x);
		kids_release(&ks);
		cleanup_exits(w, 0, n, n->loc);
		break;
	default: { /* CXCursor_GotoStmt */
		CXCursor label = clang_getCursorReferenced(c);
		n = new_node(w, V_GOTO, c);
		n->label = label_id(w, label);
		/*
		 * A jump back leaves what was declared since the label (in
		 * its block too: a goto back over a cleanup variable's
		 * declaration ends it).  A jump forward leaves the blocks
		 * nested in the innermost one holding the label.  Their
		 * cleanups run here.
		 */
		size_t back = (size_t)n->label < w->fb.cap_label_marks
				      ? w->fb.label_marks[n->label]
				      : 0;
		if (back && back - 1 <= w->fb.nscope_vars) {
			cleanup_exits(w, back - 1, seq, n->loc);
			break;
		}
		unsigned at = start_offset(label);
		for (size_t i = w->fb.nblocks; i-- > 0;)
			if (w->fb.blocks[i].start <= at && at < w->fb.blocks[i].end) {
				if (i + 1 < w->fb.nblocks)
					cleanup_exits(w, w->fb.blocks[i + 1].mark,
						      seq, n->loc);
				break;
			}
		break;
	}
	}
	add_node(w, seq, n);
}

void walk_stmt(struct walk *w, CXCursor c, struct vnode *seq,
	       const struct ectx *x)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	struct vnode *n;
	struct kids ks;

	if (!walk_enter(w, c, seq, x))
		return;
	switch (k) {
	case CXCursor_CompoundStmt:
		walk_compound(w, c, seq, x);
		break;
	case CXCursor_DeclStmt:
		walk_decl_stmt(w, c, seq, x);
		break;
	case CXCursor_VarDecl:
		walk_vardecl(w, c, seq, x);
		break;
	case CXCursor_IfStmt:
		walk_if(w, c, seq, x);
		break;
	case CXCursor_ForStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_CXXForRangeStmt:
	case CXCursor_SwitchStmt:
		/* where a break (or continue) in it leaves to */
		ARRAY_GROW(w->fb.jumps, w->fb.njumps + 1, w->fb.cap_jumps);
		w->fb.jumps[w->fb.njumps++] = (struct jump_mark){
			w->fb.nscope_vars, k != CXCursor_SwitchStmt
		};
		if (k == CXCursor_ForStmt)
			walk_for(w, c, seq, x);
		else if (k == CXCursor_WhileStmt)
			walk_while(w, c, seq, x);
		else if (k == CXCursor_DoStmt)
			walk_do(w, c, seq, x);
		else if (k == CXCursor_CXXForRangeStmt)
			walk_range_for(w, c, seq, x);
		else
			walk_switch(w, c, seq, x);
		w->fb.njumps--;
		break;
	case CXCursor_CaseStmt:
		walk_case(w, c, false, seq, x);
		break;
	case CXCursor_DefaultStmt:
		walk_case(w, c, true, seq, x);
		break;
	case CXCursor_BreakStmt:
	case CXCursor_ContinueStmt:
	case CXCursor_ReturnStmt:
	case CXCursor_GotoStmt:
		walk_jump(w, c, k, seq, x);
		break;
	case CXCursor_IndirectGotoStmt:
		n = new_node(w, V_RETURN, c); /* not followed: ends the path */
		add_node(w, seq, n);
		break;
	case CXCursor_LabelStmt:
		n = new_node(w, V_LABEL, c);
		n->label = label_id(w, c);
		/* what is open here: a goto back to it leaves the rest */
		if ((size_t)n->label >= w->fb.cap_label_marks) {
			size_t old = w->fb.cap_label_marks;
			ARRAY_GROW(w->fb.label_marks, (size_t)n->label + 1,
				   w->fb.cap_label_marks);
			memset(w->fb.label_marks + old, 0,
			       (w->fb.cap_label_marks - old) *
				       sizeof(*w->fb.label_marks));
		}
		w->fb.label_marks[n->label] = w->fb.nscope_vars + 1;
		kids_of(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			walk_stmt(w, ks.c[i], n, x);
		kids_release(&ks);
		add_node(w, seq, n);
		break;
	case CXCursor_CXXTryStmt:
		walk_try(w, c, seq, x);
		break;
	case CXCursor_UnexposedStmt:
		walk_unexposed_stmt(w, c, seq, x);
		break;
	case CXCursor_NullStmt:
	case CXCursor_AsmStmt:
	case CXCursor_MSAsmStmt:
		break;
	default:
		if (clang_isExpression(k))
			walk_expr_stmt(w, c, seq, x);
		else if (clang_isDeclaration(k))
			defer_cursor(w, c);
		else if (clang_isStatement(k)) {
			kids_of(c, &ks);
			for (unsigned i = 0; i < ks.n; i++)
				walk_stmt(w, ks.c[i], seq, x);
			kids_release(&ks);
		}
		break;
	}
	w->fb.depth--;
}
