/*
 * walk_macro.c - expansions of configured macros in the main file:
 * suspend-macros (and macros defined in terms of them) become suspension
 * points, lock-functions macros (spin_lock_irqsave) become lock events.
 *
 * collect_macros() reads the preprocessing record once per TU, in source
 * order; each function consumes the expansions inside it as the
 * statement walk passes their offsets (flush_macros(, x)).
 */
#include "common.h"
#include "walk_p.h"
#include "rules.h"
#include "strmap.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The suspend macro that macro 'name' is or expands to (directly or
 * through other macros defined so far), or NULL.  '*rule' (if not NULL)
 * gets its entry when 'name' is one itself.
 */
static const char *suspend_macro_rule(struct walk *w, const char *name,
				      const struct rule **rule)
{
	const struct rule *r = rules_match(w->rules, RL_SUSPEND_MACROS, name, NULL);
	if (rule)
		*rule = r;
	if (r)
		return r->path;
	struct strmap_slot *s = strmap_find(&w->mac.derived, name, false);
	return s ? s->val : NULL;
}

static const char *suspend_macro(struct walk *w, const char *name)
{
	return suspend_macro_rule(w, name, NULL);
}

/*
 * A macro definition that uses a suspend macro makes its own expansions
 * suspend too ("#define RESCHEDULE() YIELD_NOW()").  Only definitions
 * whose text mentions a suspend macro are tokenized.
 */
static void note_macro_definition(struct walk *w, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f;
	unsigned so, eo;
	size_t size;
	clang_getSpellingLocation(clang_getRangeStart(r), &f, NULL, NULL, &so);
	clang_getSpellingLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &eo);
	const char *buf = f ? file_contents(&w->src, f, &size) : NULL;
	if (!buf || eo > size || eo <= so)
		return;
	bool mentions = false;
	size_t nsusp;
	const struct rule *susp = rules_list(w->rules, RL_SUSPEND_MACROS, &nsusp);
	for (size_t i = 0; i < nsusp && !mentions; i++)
		mentions = text_contains(buf + so, eo - so, susp[i].path);
	size_t pos = 0;
	for (struct strmap_slot *s; !mentions &&
				    (s = strmap_next(&w->mac.derived, &pos));)
		mentions = text_contains(buf + so, eo - so, s->key);
	if (!mentions)
		return;
	CXToken *toks = NULL;
	unsigned ntoks = 0;
	clang_tokenize(w->src.cx, r, &toks, &ntoks);
	const char *name = NULL, *target = NULL;
	for (unsigned i = 0; i < ntoks; i++) {
		if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
			continue;
		CXString ts = clang_getTokenSpelling(w->src.cx, toks[i]);
		const char *t = cstr(ts);
		if (!name)
			name = arena_strdup(w->src.a, t);
		else if (!target)
			target = suspend_macro(w, t);
		clang_disposeString(ts);
	}
	clang_disposeTokens(w->src.cx, toks, ntoks);
	if (name && target && !suspend_macro(w, name))
		strmap_find(&w->mac.derived, name, true)->val = (void *)target;
}

/*
 * The lock a lock macro's call names: its first argument, from the tokens
 * of the expansion ("spin_lock_irqsave(&d->lock, flags)" is "d->lock"),
 * spelled as lock_expr() spells it.  NULL if there is none.
 */
static const char *macro_lock_key(struct walk_src *src, CXCursor c)
{
	CXToken *toks = NULL;
	unsigned n = 0;
	struct strbuf sb;
	int depth = 0;
	clang_tokenize(src->cx, clang_getCursorExtent(c), &toks, &n);
	strbuf_init(&sb);
	for (unsigned i = 1; i < n; i++) {
		CXString ts = clang_getTokenSpelling(src->cx, toks[i]);
		const char *t = cstr(ts);
		bool stop = false;
		if (!strcmp(t, "(") || !strcmp(t, "[")) {
			if (depth++ == 0) {
				clang_disposeString(ts);
				continue;
			}
		} else if (!strcmp(t, ")") || !strcmp(t, "]")) {
			stop = --depth == 0;
		} else if (!strcmp(t, ",") && depth == 1) {
			stop = true;
		}
		if (!stop && depth >= 1)
			strbuf_adds(&sb, t);
		clang_disposeString(ts);
		if (stop)
			break;
	}
	clang_disposeTokens(src->cx, toks, n);
	const char *key = bare_lock_key(src, sb.buf, sb.len);
	strbuf_release(&sb);
	return key;
}

/*
 * A suspend macro expanded in a header (kvfree() in bcachefs-tools'
 * DEFINE_FREE(kvfree, ...)): kept for the functions there that are
 * walked for their summaries.  Only the configured names themselves, by
 * a hash lookup: a TU expands many macros in headers.
 */
static void header_use(struct walk *w, CXCursor c, CXFile f, unsigned off,
		       CXSourceLocation l)
{
	CXString str = clang_getCursorSpelling(c);
	const struct rule *r = rules_find(w->rules, RL_SUSPEND_MACROS, cstr(str));
	clang_disposeString(str);
	if (!r || in_directive(&w->src, f, off))
		return;
	ARRAY_GROW(w->mac.huses, w->mac.nh + 1, w->mac.caph);
	struct macro_use *m = &w->mac.huses[w->mac.nh++];
	memset(m, 0, sizeof(*m));
	m->file = f;
	m->off = off;
	m->loc = src_loc_of(&w->src, l);
	m->name = r->path;
	m->rule = r;
	if (r->unless)
		m->nargs = written_args(&w->src, f, off, &m->args);
}

static enum CXChildVisitResult macro_cb(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct walk *w = data;
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_MacroDefinition) {
		note_macro_definition(w, c);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
		return CXChildVisit_Continue;
	CXFile f;
	unsigned off;
	CXSourceLocation l = clang_getCursorLocation(c);
	clang_getExpansionLocation(l, &f, NULL, NULL, &off);
	if (!f || !w->src.tu->main)
		return CXChildVisit_Continue;
	if (!clang_File_isEqual(f, w->src.tu->main)) {
		header_use(w, c, f, off, l);
		return CXChildVisit_Continue;
	}
	if (in_directive(&w->src, f, off))
		return CXChildVisit_Continue;
	CXString str = clang_getCursorSpelling(c);
	const char *name = cstr(str);
	const struct rule *rule = NULL;
	const char *target = suspend_macro_rule(w, name, &rule);
	bool acquire = false;
	const struct rule *lock = rules_has_locks(w->rules)
					  ? rules_match_lock(w->rules, name, &acquire)
					  : NULL;
	const char *key = lock ? macro_lock_key(&w->src, c) : NULL;
	if (lock && !key) {
		/* a pair without an argument: liburcu's rcu_read_lock() is
		 * an object-like macro for urcu_memb_read_lock */
		const char **args;
		if (!written_args(&w->src, f, off, &args))
			key = lock->path;
	}
	if (target || key) {
		ARRAY_GROW(w->mac.uses, w->mac.n + 1, w->mac.cap);
		struct macro_use *m = &w->mac.uses[w->mac.n++];
		memset(m, 0, sizeof(*m));
		m->file = f;
		m->off = off;
		m->loc = src_loc_of(&w->src, l);
		m->name = target ? target : lock->path;
		m->rule = rule;
		if (rule && rule->unless)
			m->nargs = written_args(&w->src, f, off, &m->args);
		if (!target) {
			m->lock = lock;
			m->acquire = acquire;
			m->key = key;
		}
	}
	clang_disposeString(str);
	return CXChildVisit_Continue;
}

/* Expansions of suspend-macros and of lock-functions written as macros
 * (spin_lock_irqsave), in source order (preprocessing record). */
void collect_macros(struct walk *w)
{
	if (!rules_has(w->rules, RL_SUSPEND_MACROS) && !rules_has_locks(w->rules))
		return;
	clang_visitChildren(clang_getTranslationUnitCursor(w->src.cx), macro_cb, w);
}

/* The expansions inside function 'fn' become its to consume. */
void macro_range(struct walk *w, CXCursor fn)
{
	unsigned lo = start_offset(fn), hi = end_offset(fn);
	w->mac.next = w->mac.end = 0;
	w->mac.cur = w->mac.uses;
	if (!in_main_file(&w->src, fn)) {
		/* a function in a header: its suspend macros, if any */
		CXFile f;
		extent_offsets(fn, &f, &lo, &hi);
		for (size_t i = 0; f && i < w->mac.nh; i++) {
			const struct macro_use *m = &w->mac.huses[i];
			if (m->off < lo || m->off >= hi ||
			    !clang_File_isEqual(m->file, f))
				continue;
			ARRAY_GROW(w->mac.scratch, w->mac.end + 1,
				   w->mac.cap_scratch);
			w->mac.scratch[w->mac.end++] = *m;
		}
		w->mac.cur = w->mac.scratch;
		return;
	}
	if (!w->mac.n)
		return;
	while (w->mac.next < w->mac.n && w->mac.uses[w->mac.next].off < lo)
		w->mac.next++;
	w->mac.end = w->mac.next;
	while (w->mac.end < w->mac.n && w->mac.uses[w->mac.end].off < hi)
		w->mac.end++;
}

/* A lock-functions macro: acquire or release the lock it names. */
static void lock_event(struct walk *w, const struct macro_use *m,
		       struct vnode *seq, const struct ectx *x)
{
	/* a pair without an argument (preempt_disable()) is named by its
	 * acquire, as for functions */
	const char *type = !strcmp(m->key, m->lock->path)
				   ? "critical section"
				   : arena_printf(w->src.a, "lock taken by %s",
						  m->lock->path);
	lock_key_event(w, clang_getNullCursor(), m->loc, m->key, type, m->lock,
		       m->acquire, seq, x);
}

/* Suspension points for the expansions before offset 'upto'. */
void flush_macros(struct walk *w, unsigned upto, struct vnode *seq,
		  const struct ectx *x)
{
	while (w->mac.next < w->mac.end && w->mac.cur[w->mac.next].off <= upto) {
		const struct macro_use *m = &w->mac.cur[w->mac.next++];
		if (m->lock) {
			lock_event(w, m, seq, x);
			continue;
		}
		if (w->fb.last_suspend_macro == m->off + 1)
			continue; /* nested in the one written here, which stands for it */
		struct vnode *n = new_node(w, V_CALL, clang_getNullCursor());
		n->loc = m->loc;
		n->call = arena_alloc(w->src.a, sizeof(*n->call));
		n->call->name = m->name;
		n->call->macro = true;
		n->call->macro_name = m->name;
		n->call->configured = true;
		n->call->suspends = true;
		w->fb.last_suspend_macro = m->off + 1;
		if (m->rule && m->rule->unless) {
			unsigned i = m->rule->unless->index;
			struct varg a = { NULL, -1 };
			if (i < m->nargs) {
				a.text = m->args[i];
				a.param = param_index(w, a.text);
			}
			unless_decide(n->call, m->rule, i < m->nargs ? &a : NULL);
		}
		add_node(w, seq, n);
	}
}

/* Skip the expansions inside a lambda: they belong to its own walk. */
void skip_macros(struct walk *w, CXCursor lambda)
{
	unsigned hi = end_offset(lambda);
	while (w->mac.next < w->mac.end && w->mac.cur[w->mac.next].off < hi)
		w->mac.next++;
}

void walk_macros_release(struct walk_macros *mac)
{
	free(mac->uses);
	free(mac->huses);
	free(mac->scratch);
	strmap_release(&mac->derived);
}
