/*
 * walk.c - the AST walk's entry (walk.h): the translation unit, its
 * functions and lambdas.
 *
 * walk_tu() visits the TU's top level, hands every function, method,
 * function template and lambda defined in a checked file to
 * walk_function(), which makes its struct fn_view (view.h) with the
 * statement walker (walk_stmt.c), and numbers it (view_finish()).
 * Lambdas and local classes found inside bodies are walked after, as
 * functions of their own.  Then the instantiated bodies of the template
 * specializations called (walk_instances()).  Also here: our annotations
 * put where they mean nothing, and the namespaces the TU declares (for
 * unused-entry warnings).
 *
 * The walk family (walk_*.c, walk_p.h) is one of the two places that
 * include <clang-c/Index.h>; walk_p.h maps its files.
 */
#include "common.h"
#include "walk.h"
#include "walk_p.h"
#include "own.h"
#include "diag.h"
#include "rules.h"
#include "strmap.h"
#include "util.h"
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum CXChildVisitResult top_cb(CXCursor c, CXCursor parent,
				      CXClientData data);

void defer_cursor(struct walk *w, CXCursor c)
{
	ARRAY_GROW(w->pending, w->npending + 1, w->cap_pending);
	w->pending[w->npending].c = c;
	w->pending[w->npending].instance = w->instance;
	w->npending++;
}


/*
 * The definition 'fn' outside the checked files (a header's cleanup
 * function, DEFINE_FREE(kvfree, ...)) is walked too, for what it calls;
 * nothing in it is reported.
 */
void walk_for_summary(struct walk *w, CXCursor fn)
{
	if (clang_Cursor_isNull(fn) || !clang_isCursorDefinition(fn) ||
	    in_checked_file(w, fn) || in_system_header(fn))
		return;
	struct cmap_slot *s = cmap_find(&w->for_summary, fn, true);
	if (s->val)
		return;
	s->val = (void *)1;
	defer_cursor(w, fn);
}

static const char *function_name(struct walk *w, CXCursor fn)
{
	if (clang_getCursorKind(fn) == CXCursor_LambdaExpr) {
		struct src_loc l = cursor_loc(&w->src, fn);
		return arena_printf(w->src.a, "lambda at %u:%u", l.line, l.col);
	}
	return qualname(w, fn);
}

/* Start building the view 'f': nothing of the last function is left. */
static void builder_reset(struct fn_builder *fb, struct fn_view *f)
{
	fb->fn = f;
	fb->nscope_vars = 0;
	fb->depth = 0;
	fb->too_deep = false;
	fb->nthis = 0;
	fb->nconds = 0;
	fb->nlater = 0;
	fb->last_key = NULL;
	fb->last_suspend_macro = 0;
	fb->njumps = 0;
	fb->nblocks = 0;
	if (fb->label_marks)
		memset(fb->label_marks, 0, fb->cap_label_marks * sizeof(*fb->label_marks));
	cmap_release(&fb->vars);
	cmap_release(&fb->labels);
	cmap_release(&fb->ptrs);
	cmap_release(&fb->lock_aliases);
}

static void builder_release(struct fn_builder *fb)
{
	cmap_release(&fb->vars);
	cmap_release(&fb->labels);
	cmap_release(&fb->ptrs);
	cmap_release(&fb->lock_aliases);
	free(fb->scope_vars);
	free(fb->later);
	free(fb->conds);
	free(fb->jumps);
	free(fb->blocks);
	free(fb->label_marks);
}

/*
 * Parameters of guard type: by value, they own their guard from entry
 * (VAR_PARAM); by reference, they are the caller's guard, tracked for
 * what this function does to it (VAR_PARAM_REF).
 */
static void add_params(struct walk *w, struct fn_view *f, const struct kids *ks)
{
	int param = 0;
	for (unsigned i = 0; i < ks->n; i++) {
		struct guard_info gi;
		CXCursor p = ks->c[i];
		if (clang_getCursorKind(p) != CXCursor_ParmDecl)
			continue;
		CXType t = clang_getCursorType(p);
		CXType canon = clang_getCanonicalType(t);
		enum vvar_kind kind = VAR_PARAM;
		if (canon.kind == CXType_LValueReference ||
		    canon.kind == CXType_RValueReference) {
			kind = VAR_PARAM_REF;
			t = clang_getPointeeType(canon);
		}
		param++;
		if (!classify_type(w, t, &gi, 0) || gi.needs_cleanup)
			continue;
		struct vvar v = guard_var(w, p, t, &gi, kind);
		v.param = param - 1;
		v.name = cx_strdup(w->src.a, clang_getCursorSpelling(p));
		bind_decl(w, p, view_add_var(w->src.a, f, &v));
	}
}

struct this_fields {
	struct walk *w;
	struct fn_view *f;
};

static enum CXVisitorResult this_field_cb(CXCursor c, CXClientData data)
{
	struct this_fields *tf = data;
	struct walk *w = tf->w;
	struct guard_info gi;
	CXType t = clang_getCursorType(c);
	if (!classify_type(w, t, &gi, 0) || gi.needs_cleanup)
		return CXVisit_Continue;
	struct vvar v = guard_var(w, c, t, &gi, VAR_THIS);
	v.name = cx_strdup(w->src.a, clang_getCursorSpelling(c));
	bind_decl(w, c, view_add_var(w->src.a, tf->f, &v));
	w->fb.nthis++;
	return CXVisit_Continue;
}

/*
 * The guard members of the object a method or constructor runs on
 * (VAR_THIS): an awaiter's await_suspend that unlocks its member ends
 * the guard the caller's awaiter holds.
 */
static void add_this_members(struct walk *w, struct fn_view *f, CXCursor fn)
{
	enum CXCursorKind k = clang_getCursorKind(fn);
	struct guard_info gi;
	if ((k != CXCursor_CXXMethod && k != CXCursor_Constructor) ||
	    (k == CXCursor_CXXMethod && clang_CXXMethod_isStatic(fn)))
		return;
	CXCursor cls = clang_getCursorSemanticParent(fn);
	CXType t = clang_getCursorType(cls);
	if (t.kind == CXType_Invalid || !classify_type(w, t, &gi, 0))
		return;
	struct this_fields tf = { w, f };
	clang_Type_visitFields(clang_getCanonicalType(t), this_field_cb, &tf);
}

static void walk_function(struct walk *w, CXCursor fn)
{
	struct kids ks;
	kids_of(fn, &ks);
	CXCursor body = clang_getNullCursor();
	for (unsigned i = ks.n; i-- > 0;) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (k == CXCursor_CompoundStmt || k == CXCursor_UnexposedStmt ||
		    k == CXCursor_CXXTryStmt) {
			body = ks.c[i];
			break;
		}
	}
	if (clang_Cursor_isNull(body)) {
		kids_release(&ks);
		return;
	}

	struct ectx top = { clang_getNullCursor(), clang_getNullCursor(),
			    CLEANUP_NONE, 0, false, NULL };
	struct fn_view *f = arena_alloc(w->src.a, sizeof(*f));
	f->arena = w->src.a;
	f->name = function_name(w, fn);
	f->loc = cursor_loc(&w->src, fn);
	f->coroutine = clang_getCursorKind(body) == CXCursor_UnexposedStmt;
	if (clang_getCursorKind(fn) != CXCursor_LambdaExpr)
		f->usr = w->instance_usr ? w->instance_usr
					 : cx_strdup(w->src.a, clang_getCursorUSR(fn));
	else if (w->instance) /* a lambda in an instantiated body */
		f->usr = instance_key(w->src.a, lambda_key(&w->src, fn), w->instance);
	else
		f->usr = lambda_key(&w->src, fn);
	f->instance = w->instance;
	if (f->coroutine) {
		struct kids bk;
		kids_of(body, &bk);
		body = bk.n ? bk.c[0] : clang_getNullCursor();
		kids_release(&bk);
	}

	builder_reset(&w->fb, f);
	macro_range(w, fn);

	f->body = new_node(w, V_SEQ, fn);
	/* parameter names, for lock-helper, unless-arg and mutex summaries */
	if (rules_has_locks(w->rules) || w->unless || !w->src.lang_c) {
		f->params = arena_alloc(w->src.a, (ks.n + 1) * sizeof(*f->params));
		for (unsigned i = 0; i < ks.n; i++)
			if (clang_getCursorKind(ks.c[i]) == CXCursor_ParmDecl)
				f->params[f->nparams++] =
					cx_strdup(w->src.a, clang_getCursorSpelling(ks.c[i]));
	}
	add_params(w, f, &ks);
	add_this_members(w, f, fn);
	/* a constructor's member initializers run before its body */
	for (unsigned i = 0; i < ks.n; i++)
		if (clang_getCursorKind(fn) == CXCursor_Constructor &&
		    clang_isExpression(clang_getCursorKind(ks.c[i])))
			walk_full_expr(w, ks.c[i], f->body, &top);
	kids_release(&ks);
	if (!clang_Cursor_isNull(body))
		walk_stmt(w, body, f->body, &top);
	close_scope(w, 0, f->body);
	for (size_t i = 0; i < f->nvars; i++)
		if (f->vars[i].kind != VAR_LOCAL && f->vars[i].kind != VAR_TEMP &&
		    f->vars[i].kind != VAR_REF) {
			f->vars[i].from = NULL;
			f->vars[i].scope = f->body;
		}
	if (w->fb.too_deep)
		w->incomplete = true;
	if (w->fb.too_deep && w->problems)
		diag_list_add_problem(w->problems, PROBLEM_ERROR, &f->loc,
				      "'%s' nests statements or expressions more than %d levels deep; the code past that depth was not checked [await-holding]",
				      f->name, MAX_DEPTH);
	cond_finish(w, fn);
	own_apply(f);
	view_finish(f);
	if (w->for_summary.n && cmap_find(&w->for_summary, fn, false))
		f->nvars = 0; /* its calls only: no guard of its own is reported */
	*w->tail = f;
	w->tail = &f->next;
}

bool in_main_file(struct walk_src *src, CXCursor c)
{
	CXFile f;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	return f && src->tu->main && clang_File_isEqual(f, src->tu->main);
}

/*
 * Is 'c' in a file we report on: the main file, or a header that the
 * configuration's header-filter selects (never a system header)?
 */
bool in_checked_file(struct walk *w, CXCursor c)
{
	CXFile f;
	CXSourceLocation l = clang_getCursorLocation(c);
	clang_getExpansionLocation(l, &f, NULL, NULL, NULL);
	if (!f)
		return false;
	if (w->src.tu->main && clang_File_isEqual(f, w->src.tu->main))
		return true;
	if (!rules_has_header_filter(w->rules))
		return false;
	for (size_t i = 0; i < w->nheaders; i++)
		if (w->headers[i].file == f)
			return w->headers[i].want;
	bool want = !clang_Location_isInSystemHeader(l) &&
		    rules_want_header(w->rules, file_name(&w->src, f));
	ARRAY_GROW(w->headers, w->nheaders + 1, w->cap_headers);
	w->headers[w->nheaders].file = f;
	w->headers[w->nheaders].want = want;
	w->nheaders++;
	return want;
}

static void walk_decl(struct walk *w, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if (is_function_kind(k)) {
		walk_function(w, c);
		return;
	}
	clang_visitChildren(c, top_cb, w);
}

/* Lambdas in initializers outside function bodies. */
static enum CXChildVisitResult find_lambdas_cb(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct walk *w = data;
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_LambdaExpr) {
		defer_cursor(w, c);
		return CXChildVisit_Continue;
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult misplaced_cb(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct walk *w = data;
	if (clang_getCursorKind(c) != CXCursor_AnnotateAttr)
		return CXChildVisit_Continue;
	enum CXCursorKind pk = clang_getCursorKind(parent);
	bool is_type = pk == CXCursor_StructDecl || pk == CXCursor_ClassDecl ||
		       pk == CXCursor_UnionDecl || pk == CXCursor_ClassTemplate ||
		       pk == CXCursor_ClassTemplatePartialSpecialization ||
		       pk == CXCursor_TypedefDecl || pk == CXCursor_TypeAliasDecl;
	bool is_function = pk == CXCursor_FunctionDecl ||
			   pk == CXCursor_CXXMethod ||
			   pk == CXCursor_FunctionTemplate;
	CXString str = clang_getCursorSpelling(c);
	const char *text = cstr(str);
	const char *wants = NULL;
	if (!strcmp(text, "await_holding::must_not_suspend") && !is_type)
		wants = "types";
	else if (!strcmp(text, "await_holding::suspends") && !is_function)
		wants = "functions";
	if (wants) {
		struct src_loc l = cursor_loc(&w->src, c);
		diag_list_add_problem(w->problems, PROBLEM_WARNING, &l,
				      "'%s' applies only to %s; it has no effect here [await-holding]",
				      text, wants);
	}
	clang_disposeString(str);
	return CXChildVisit_Continue;
}

/* Our annotations put where they mean nothing are diagnosed. */
static void check_annotations(struct walk *w, CXCursor c)
{
	if (w->problems && clang_Cursor_hasAttrs(c))
		clang_visitChildren(c, misplaced_cb, w);
}

/*
 * Top-level visitor: returns Recurse into namespaces, classes and
 * templates, Continue after handing a function to walk_function().
 */
static enum CXChildVisitResult top_cb(CXCursor c, CXCursor parent,
				      CXClientData data)
{
	struct walk *w = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;

	if (!in_checked_file(w, c))
		return CXChildVisit_Continue;
	check_annotations(w, c);
	if (is_function_kind(k)) {
		walk_function(w, c);
		return CXChildVisit_Continue;
	}
	switch (k) {
	case CXCursor_Namespace:
	case CXCursor_LinkageSpec:
	case CXCursor_StructDecl:
	case CXCursor_ClassDecl:
	case CXCursor_UnionDecl:
	case CXCursor_ClassTemplate:
	case CXCursor_ClassTemplatePartialSpecialization:
	case CXCursor_UnexposedDecl:
		return CXChildVisit_Recurse;
	case CXCursor_VarDecl:
	case CXCursor_FieldDecl:
		clang_visitChildren(c, find_lambdas_cb, w);
		return CXChildVisit_Continue;
	default:
		return CXChildVisit_Continue;
	}
}

/* The deferred cursors from 'first' on (more may be added meanwhile). */
static void walk_pending(struct walk *w, size_t first)
{
	for (size_t i = first; i < w->npending; i++) {
		w->instance = w->pending[i].instance;
		w->instance_usr = NULL; /* a lambda's or local class's own */
		walk_decl(w, w->pending[i].c);
	}
	w->instance = NULL;
}

/* Is 'c' the view of an instantiation of the template whose view has 'usr'? */
static bool instance_of(const char *usr, const struct fn_view *c)
{
	size_t n = strlen(usr);
	return c->instance && c->usr && !strncmp(c->usr, usr, n) &&
	       c->usr[n] == ' ' && !strcmp(c->usr + n + 1, c->instance);
}

static bool same_loc(const struct src_loc *a, const struct src_loc *b)
{
	return a->line == b->line && a->col == b->col &&
	       (a->file == b->file || (a->file && b->file && !strcmp(a->file, b->file)));
}

/*
 * An instantiation's view 'c' reports only what its template's view 'p'
 * does not: a guard 'p' reports with the same type is reported there; a
 * guard 'p' reports with a dependent type ('std::lock_guard<M>', 'auto')
 * is reported once, by the first instantiation that makes it one, with
 * the instantiated type.  What 'p' could not see (a local of a template
 * parameter's type, 'auto lk = co_await ...') is reported per
 * instantiation, as the instantiation names it.  'seen[k]' records that
 * some instantiation has p's var k as a guard ('taken[k]': and reports it).
 */
static void trim_instance(struct fn_view *p, bool *seen, bool *taken,
			  struct fn_view *c)
{
	for (size_t i = 0; i < c->nvars; i++) {
		struct vvar *cv = &c->vars[i];
		if (!cv->matched)
			continue;
		for (size_t k = 0; k < p->nvars; k++) {
			struct vvar *pv = &p->vars[k];
			if (!same_loc(&pv->loc, &cv->loc) || strcmp(pv->name, cv->name))
				continue;
			seen[k] = true;
			if (taken[k]) {
				cv->matched = NULL;
			} else if (pv->matched) {
				if (!strcmp(pv->type, cv->type)) {
					cv->matched = NULL;
				} else {
					taken[k] = true;
					pv->matched = NULL;
				}
			}
			break;
		}
	}
}

/*
 * The same guard with the same type is one finding, however many
 * instantiations have it ("CountingSemaphore<1>::acquire" and
 * "CountingSemaphore<2>::acquire"): the first instantiation of the
 * template, 'first', or one after it and before 'c', reports it.
 */
static void trim_repeats(const char *usr, struct fn_view *first,
			 struct fn_view *c)
{
	for (size_t i = 0; i < c->nvars; i++) {
		struct vvar *cv = &c->vars[i];
		if (!cv->matched)
			continue;
		for (struct fn_view *e = first; e && e != c && cv->matched; e = e->next) {
			if (!instance_of(usr, e))
				continue;
			for (size_t k = 0; k < e->nvars; k++) {
				const struct vvar *ev = &e->vars[k];
				if (ev->matched && same_loc(&ev->loc, &cv->loc) &&
				    !strcmp(ev->name, cv->name) &&
				    !strcmp(ev->type, cv->type)) {
					cv->matched = NULL;
					break;
				}
			}
		}
	}
}

/*
 * Walk the instantiated bodies of the specializations called in the TU
 * (note_specialization()), each a view named after its instantiation,
 * then keep in each only what its template's view does not report.
 */
static void walk_instances(struct walk *w)
{
	struct fn_view *last_pattern = NULL;
	for (struct fn_view *f = w->head; f; f = f->next)
		last_pattern = f;
	for (size_t t = 0; t < w->tc.ntodo; t++) {
		size_t first = w->npending;
		w->instance = w->tc.todo[t].name;
		w->instance_usr = w->tc.todo[t].usr;
		walk_function(w, w->tc.todo[t].def);
		w->instance_usr = NULL;
		walk_pending(w, first);
	}
	w->instance = NULL;
	if (!last_pattern)
		return;
	size_t ninst = 0;
	for (struct fn_view *c = last_pattern->next; c; c = c->next)
		ninst++;
	bool *found = xcalloc(ninst + 1, sizeof(*found));
	for (struct fn_view *p = w->head; p; p = p == last_pattern ? NULL : p->next) {
		if (p->instance || !p->usr)
			continue;
		bool *seen = NULL, *taken = NULL;
		size_t i = 0;
		struct fn_view *prev = NULL;
		for (struct fn_view *c = last_pattern->next; c; c = c->next, i++) {
			if (!instance_of(p->usr, c))
				continue;
			if (!seen) {
				seen = xcalloc(p->nvars + 1, sizeof(*seen));
				taken = xcalloc(p->nvars + 1, sizeof(*taken));
			}
			trim_instance(p, seen, taken, c);
			if (prev)
				trim_repeats(p->usr, prev, c);
			else
				prev = c;
			found[i] = true;
		}
		/*
		 * Instantiated, and none of its instantiations has this guard
		 * (a std lock over a coroutine-aware or allowed mutex, a
		 * discarded 'if constexpr' branch): the instantiations decide.
		 */
		for (size_t k = 0; seen && k < p->nvars; k++)
			if (!seen[k])
				p->vars[k].matched = NULL;
		free(seen);
		free(taken);
	}
	/* no template view to compare with: the template reports, if it can */
	size_t i = 0;
	for (struct fn_view *c = last_pattern->next; c; c = c->next, i++)
		if (!found[i])
			for (size_t k = 0; k < c->nvars; k++)
				c->vars[k].matched = NULL;
	free(found);
}

struct ns_seen {
	struct walk *w;
	char **names;
	size_t n, cap;
};

static enum CXChildVisitResult ns_cb(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct ns_seen *s = data;
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec)
		return CXChildVisit_Recurse;
	if (k == CXCursor_Namespace || k == CXCursor_ClassDecl ||
	    k == CXCursor_StructDecl || k == CXCursor_ClassTemplate) {
		CXString sp = clang_getCursorSpelling(c);
		const char *name = cstr(sp);
		bool dup = !*name;
		for (size_t i = 0; i < s->n && !dup; i++)
			dup = !strcmp(s->names[i], name);
		if (!dup) {
			ARRAY_GROW(s->names, s->n + 1, s->cap);
			s->names[s->n++] = xstrdup(name);
		}
		clang_disposeString(sp);
	}
	return CXChildVisit_Continue;
}

/*
 * Mark the qualified entries whose top-level namespace this TU declares,
 * so that an unused entry of a library the project uses is reported and
 * one of a library it does not use (a shared configuration) is not.
 */
static void note_namespaces(struct walk *w)
{
	struct ns_seen s = { w, NULL, 0, 0 };
	clang_visitChildren(clang_getTranslationUnitCursor(w->src.cx), ns_cb, &s);
	rules_note_namespaces(w->rules, s.names, s.n);
	for (size_t k = 0; k < s.n; k++)
		free(s.names[k]);
	free(s.names);
}

struct fn_view *walk_tu(struct tu *tu, struct rules *rules,
			struct diag_list *problems, bool *incomplete)
{
	struct walk w;
	memset(&w, 0, sizeof(w));
	w.src.tu = tu;
	w.src.cx = tu->cx;
	w.src.a = &tu->arena;
	w.rules = rules;
	w.unless = rules_has_unless(rules);
	w.problems = problems;
	w.tail = &w.head;
	w.src.lang_c = tu->lang_c;

	collect_macros(&w);
	clang_visitChildren(clang_getTranslationUnitCursor(tu->cx), top_cb, &w);
	/* lambdas and local classes found along the way, breadth first */
	walk_pending(&w, 0);
	walk_instances(&w);
	note_namespaces(&w);

	walk_types_release(&w.tc);
	walk_macros_release(&w.mac);
	builder_release(&w.fb);
	free(w.pending);
	cmap_release(&w.for_summary);
	free(w.headers);
	*incomplete = w.incomplete;
	return w.head;
}
