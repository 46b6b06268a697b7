/*
 * diag.c - the findings list: copying in, sorting, and the message texts
 * shared by every writer and by --verify.
 */
#include "common.h"
#include "diag.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *l)
{
	memset(l, 0, sizeof(*l));
	arena_init(&l->arena);
}

void diag_list_release(struct diag_list *l)
{
	free(l->findings);
	free(l->problems);
	arena_release(&l->arena);
	diag_list_init(l);
}

/*
 * Copy 's' into 'a' so that every writer can print it as it is: valid
 * UTF-8, no control characters (see strbuf_add_printable()).
 */
static const char *dup(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	if (is_printable(s, n))
		return arena_memdup(a, s, n + 1);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_add_printable(&sb, s, n);
	const char *copy = arena_memdup(a, sb.buf, sb.len + 1);
	strbuf_release(&sb);
	return copy;
}

void diag_list_push(struct diag_list *l, const struct finding *f)
{
	struct finding *d;

	ARRAY_GROW(l->findings, l->nfindings + 1, l->cap_findings);
	d = &l->findings[l->nfindings++];
	*d = *f;
	d->loc.file = dup(&l->arena, f->loc.file);
	d->name = dup(&l->arena, f->name);
	d->display = dup(&l->arena, f->display ? f->display : f->name);
	d->type = dup(&l->arena, f->type);
	d->matched = dup(&l->arena, f->matched);
	d->reason = dup(&l->arena, f->reason);
	d->via = dup(&l->arena, f->via);
	d->function = dup(&l->arena, f->function);
	d->instance = dup(&l->arena, f->instance);
	d->susp = arena_alloc(&l->arena, f->nsusp * sizeof(*d->susp));
	for (size_t i = 0; i < f->nsusp; i++) {
		d->susp[i] = f->susp[i];
		d->susp[i].loc.file = dup(&l->arena, f->susp[i].loc.file);
		d->susp[i].detail = dup(&l->arena, f->susp[i].detail);
		d->susp[i].hops = dup(&l->arena, f->susp[i].hops);
	}
}

void diag_list_add_problem(struct diag_list *l, enum problem_kind kind,
			   const struct src_loc *loc, const char *fmt, ...)
{
	struct problem *p;
	va_list ap;

	ARRAY_GROW(l->problems, l->nproblems + 1, l->cap_problems);
	p = &l->problems[l->nproblems++];
	p->kind = kind;
	if (loc) {
		p->loc = *loc;
		p->loc.file = dup(&l->arena, loc->file);
	} else {
		memset(&p->loc, 0, sizeof(p->loc));
	}
	va_start(ap, fmt);
	p->message = dup(&l->arena, arena_vprintf(&l->arena, fmt, ap));
	va_end(ap);
}

static int strcmp_null(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_loc(const struct src_loc *a, const struct src_loc *b)
{
	int c = strcmp_null(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

static int cmp_susp(const void *pa, const void *pb)
{
	const struct suspension *a = pa, *b = pb;
	int c = cmp_loc(&a->loc, &b->loc);
	if (c)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp_null(a->detail, b->detail);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;
	int c = cmp_loc(&a->loc, &b->loc);
	if (c)
		return c;
	if ((c = strcmp_null(a->name, b->name)))
		return c;
	if ((c = strcmp_null(a->type, b->type)))
		return c;
	if ((c = strcmp_null(a->via, b->via)))
		return c;
	if ((c = strcmp_null(a->instance, b->instance)))
		return c;
	if (a->nsusp != b->nsusp)
		return a->nsusp < b->nsusp ? -1 : 1;
	for (size_t i = 0; i < a->nsusp; i++)
		if ((c = cmp_susp(&a->susp[i], &b->susp[i])))
			return c;
	return 0;
}

/*
 * Problems without a position last: clang's "too many errors emitted,
 * stopping now" has none and must follow the errors it stands after.
 */
static int cmp_problem(const void *pa, const void *pb)
{
	const struct problem *a = pa, *b = pb;
	if (!a->loc.file != !b->loc.file)
		return a->loc.file ? -1 : 1;
	int c = cmp_loc(&a->loc, &b->loc);
	if (c)
		return c;
	return strcmp_null(a->message, b->message);
}

void diag_list_sort(struct diag_list *l)
{
	size_t out = 0;

	for (size_t i = 0; i < l->nfindings; i++) {
		struct finding *f = &l->findings[i];
		size_t k = 0;
		if (f->nsusp)
			qsort(f->susp, f->nsusp, sizeof(*f->susp), cmp_susp);
		for (size_t j = 0; j < f->nsusp; j++)
			if (!k || cmp_susp(&f->susp[k - 1], &f->susp[j]))
				f->susp[k++] = f->susp[j];
		f->nsusp = k;
	}
	if (l->nfindings)
		qsort(l->findings, l->nfindings, sizeof(*l->findings),
		      cmp_finding);
	for (size_t i = 0; i < l->nfindings; i++)
		if (!out || cmp_finding(&l->findings[out - 1], &l->findings[i]))
			l->findings[out++] = l->findings[i];
	l->nfindings = out;

	out = 0;
	if (l->nproblems)
		qsort(l->problems, l->nproblems, sizeof(*l->problems),
		      cmp_problem);
	for (size_t i = 0; i < l->nproblems; i++)
		if (!out || cmp_problem(&l->problems[out - 1], &l->problems[i]) ||
		    l->problems[out - 1].kind != l->problems[i].kind)
			l->problems[out++] = l->problems[i];
	l->nproblems = out;
}

/* ORDER SUSPEND_KIND */
static const char *const suspend_kind_names[] = {
	"co_await", "co_yield", "call", "macro", "indirect", "cleanup",
};

const char *suspend_kind_name(enum suspend_kind k)
{
	if ((size_t)k >= ARRAY_SIZE(suspend_kind_names))
		BUG("bad suspend kind %d", (int)k);
	return suspend_kind_names[k];
}

/* ORDER PROBLEM_KIND */
static const char *const problem_kind_names[] = { "error", "warning", "note" };

const char *problem_kind_name(enum problem_kind k)
{
	if ((size_t)k >= ARRAY_SIZE(problem_kind_names))
		BUG("bad problem kind %d", (int)k);
	return problem_kind_names[k];
}

const char *diag_warning_text(struct arena *a, const struct finding *f)
{
	const char *text = arena_printf(a,
					"'%s' of type '%s' is held across a suspension point",
					f->display ? f->display : f->name, f->type);
	if (f->via)
		text = arena_printf(a, "%s (it owns a '%s' through %s)", text,
				    f->matched, f->via);
	if (f->instance)
		text = arena_printf(a, "%s in instantiation '%s'", text,
				    f->instance);
	return text;
}

const char *diag_note_text(struct arena *a, const struct suspension *s)
{
	switch (s->kind) {
	case SUSPEND_CO_AWAIT:
		return arena_strdup(a, "suspended here by co_await");
	case SUSPEND_CO_YIELD:
		return arena_strdup(a, "suspended here by co_yield");
	case SUSPEND_CALL:
		return arena_printf(a, "suspended here by call to '%s'",
				    s->detail ? s->detail : "?");
	case SUSPEND_MACRO:
		return arena_printf(a, "suspended here by macro '%s'",
				    s->detail ? s->detail : "?");
	case SUSPEND_INDIRECT:
		return arena_printf(a,
				    "suspended here by call that may suspend (%s)",
				    s->detail ? s->detail : "?");
	case SUSPEND_CLEANUP: {
		/* "buf -> __free_kvfree -> kvfree": the variable first, the
		 * last hop is what may sleep */
		const char *d = s->detail ? s->detail : "?";
		const char *sep = strstr(d, " -> ");
		const char *leaf = strrchr(d, '>');
		if (!sep || !leaf)
			return arena_printf(a, "suspended here by cleanup (%s)", d);
		/*
		 * The function the user named comes after the variable; the
		 * kernel's __free(f) names the wrapper __free_f that
		 * DEFINE_FREE made, which nobody wrote.  One hop left: "f
		 * may sleep"; more: the chain, as for any call.
		 */
		const char *rest = sep + 4;
		if (!strncmp(rest, "__free_", 7) && strstr(rest, " -> "))
			rest = strstr(rest, " -> ") + 4;
		if (!strstr(rest, " -> "))
			return arena_printf(a,
					    "suspended here by cleanup of '%.*s' (%s may sleep)",
					    (int)(sep - d), d, leaf + 2);
		return arena_printf(a, "suspended here by cleanup of '%.*s' (%s)",
				    (int)(sep - d), d, rest);
	}
	}
	BUG("bad suspend kind %d", (int)s->kind);
}

const char *diag_reason_text(struct arena *a, const struct finding *f)
{
	return arena_printf(a, "reason: %s", f->reason ? f->reason : "");
}
