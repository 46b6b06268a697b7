/*
 * rules.c - struct rules: adding entries, matching names against them,
 * counting uses and reporting the unused (rules.h).  Loading is
 * rules_load.c's.
 */
#include "common.h"
#include "rules.h"
#include "querylog.h"
#include "rules_p.h"
#include "diag.h"
#include "util.h"

#include <fnmatch.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ORDER RULE_LIST */
const char *const rules_list_keys[RL_COUNT + 1] = { /* NULL-terminated */
	"await-holding-invalid-types",
	"suspend-functions",
	"suspend-macros",
	"allowed-awaitables",
	"allowed-callees",
	"allowed-types",
};

const char *rules_normalize_path(struct rules *r, const char *path)
{
	while (path[0] == ':' && path[1] == ':')
		path += 2;
	/* drop blanks so "a<b, c>" and "a<b,c>" compare equal */
	char *out = arena_alloc(&r->arena, strlen(path) + 1), *o = out;
	for (const char *p = path; *p; p++)
		if (*p != ' ' && *p != '\t')
			*o++ = *p;
	*o = '\0';
	return out;
}

/*
 * Compile 'regex' as the header filter, replacing any earlier one.  On
 * failure, returns -1 with regcomp's message in 'msg' and leaves 'r' as
 * it was.
 */
/*
 * Does the extended regular expression 're' use a back-reference
 * ("\1")?  POSIX leaves them undefined in EREs; glibc accepts them, and
 * with them a match can take exponential time.  Inside a bracket
 * expression a backslash is an ordinary character.
 */
static bool has_backreference(const char *re)
{
	for (const char *p = re; *p; p++) {
		if (*p == '\\') {
			if (p[1] >= '1' && p[1] <= '9')
				return true;
			if (p[1])
				p++;
		} else if (*p == '[') {
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']') {
				if (*p == '[' && (p[1] == ':' || p[1] == '.' ||
						  p[1] == '=')) {
					const char *end = strchr(p + 2, p[1]);
					while (end && end[1] != ']')
						end = strchr(end + 1, p[1]);
					if (!end)
						return false; /* regcomp says why */
					p = end + 1;
				}
				p++;
			}
			if (!*p)
				return false;
		}
	}
	return false;
}

int rules_compile_header_filter(struct rules *r, const char *regex, char *msg,
			     size_t msg_size)
{
	if (has_backreference(regex)) {
		snprintf(msg, msg_size,
			 "back-references such as '\\1' are not supported (POSIX extended regular expressions have none)");
		return -1;
	}
	regex_t *rx = xmalloc(sizeof(*rx));
	int rc = regcomp(rx, regex, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		regerror(rc, rx, msg, msg_size);
		free(rx);
		return -1;
	}
	if (r->header_re) {
		regfree(r->header_re);
		free(r->header_re);
	}
	r->header_re = rx;
	r->header_filter = arena_strdup(&r->arena, regex);
	return 0;
}

void rules_init(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
	r->source = "built-in default";
}

void rules_release(struct rules *r)
{
	if (r->header_re) {
		regfree(r->header_re);
		free(r->header_re);
	}
	if (r->report_re) {
		regfree(r->report_re);
		free(r->report_re);
	}
	free(r->excludes);
	for (int i = 0; i < RL_COUNT; i++) {
		free(r->lists[i]);
		strmap_release(&r->by_path[i]);
	}
	free(r->locks);
	arena_release(&r->arena);
	memset(r, 0, sizeof(*r));
}

struct rule *rules_add(struct rules *r, enum rule_list list, const char *path,
		       const char *reason)
{
	struct rule *e;
	const char *norm = rules_normalize_path(r, path);
	/* the same path again (a pack and a file, a parent and a child):
	 * one entry, the later reason wins */
	struct strmap_slot *slot = strmap_find(&r->by_path[list], norm, true);
	if (slot->val) {
		e = &r->lists[list][(uintptr_t)slot->val - 1];
		if (reason)
			e->reason = arena_strdup(&r->arena, reason);
		return e;
	}
	slot->val = (void *)(uintptr_t)(r->n[list] + 1);
	ARRAY_GROW(r->lists[list], r->n[list] + 1, r->cap[list]);
	e = &r->lists[list][r->n[list]++];
	memset(e, 0, sizeof(*e));
	e->path = norm;
	e->reason = reason ? arena_strdup(&r->arena, reason) : NULL;
	e->file = "<command line>";
	return e;
}

const struct rule *rules_list(const struct rules *r, enum rule_list list,
			      size_t *n)
{
	*n = r->n[list];
	return r->lists[list];
}

bool rules_has(const struct rules *r, enum rule_list list)
{
	return r->n[list] > 0;
}

const struct rule *rules_find(const struct rules *r, enum rule_list list,
			      const char *path)
{
	struct strmap_slot *s = strmap_find((struct strmap *)&r->by_path[list],
					    path, false);
	return s ? &r->lists[list][(uintptr_t)s->val - 1] : NULL;
}

bool rules_has_unless(const struct rules *r)
{
	for (size_t i = 0; i < r->n[RL_SUSPEND_FUNCTIONS]; i++)
		if (r->lists[RL_SUSPEND_FUNCTIONS][i].unless)
			return true;
	for (size_t i = 0; i < r->n[RL_SUSPEND_MACROS]; i++)
		if (r->lists[RL_SUSPEND_MACROS][i].unless)
			return true;
	return false;
}

bool rules_has_locks(const struct rules *r)
{
	return r->nlocks > 0;
}

bool rules_has_header_filter(const struct rules *r)
{
	return r->header_re != NULL;
}

/* 'spelled' without blanks equals 'pattern'? */
static bool same_spelling(const char *pattern, const char *spelled)
{
	while (*spelled == ':' && spelled[1] == ':')
		spelled += 2;
	for (;;) {
		while (*spelled == ' ')
			spelled++;
		if (*pattern != *spelled)
			return false;
		if (!*pattern)
			return true;
		pattern++;
		spelled++;
	}
}

const struct rule *rules_match(struct rules *r, enum rule_list list,
			       const char *qualname, const char *spelled)
{
	querylog_note(QUERY_MATCH, list, qualname, spelled);
	/* an entry with template arguments is the more specific one */
	struct rule *found = NULL;
	for (size_t i = 0; i < r->n[list]; i++) {
		struct rule *e = &r->lists[list][i];
		bool args = strchr(e->path, '<') != NULL;
		bool hit = args ? spelled && same_spelling(e->path, spelled)
				: qualname && !strcmp(e->path, qualname);
		if (hit && (!found || args))
			found = e;
		if (hit && args)
			break;
	}
	if (found)
		atomic_fetch_add_explicit(&found->uses, 1, memory_order_relaxed);
	return found;
}

void rules_note_misuse(struct rules *r, enum rule_list list, const char *name,
		       const char *what)
{
	querylog_note(QUERY_MISUSE, list, name, what);
	for (size_t i = 0; i < r->n[list]; i++) {
		struct rule *e = &r->lists[list][i];
		const char *none = NULL;
		/* the first thread to see it says what it is */
		if (!strcmp(e->path, name))
			atomic_compare_exchange_strong(&e->misuse, &none, what);
	}
}

int rules_set_header_filter(struct rules *r, const char *regex)
{
	char msg[256];
	if (r->header_filter && !strcmp(r->header_filter, regex))
		return 0; /* a configuration shared by many files */
	if (rules_compile_header_filter(r, regex, msg, sizeof(msg)) < 0)
		return error("invalid regular expression '%s' for --header-filter: %s",
			     regex, msg);
	return 0;
}

void rules_note_namespaces(struct rules *r, char *const *names, size_t n)
{
	for (size_t k = 0; k < n; k++)
		querylog_note(QUERY_NAMESPACE, 0, names[k], NULL);
	for (int l = 0; l < RL_COUNT; l++)
		for (size_t i = 0; i < r->n[l]; i++) {
			struct rule *e = &r->lists[l][i];
			const char *sep = strstr(e->path, "::");
			if (!sep || atomic_load(&e->ns_present))
				continue;
			size_t len = (size_t)(sep - e->path);
			for (size_t k = 0; k < n; k++)
				if (strlen(names[k]) == len &&
				    !strncmp(names[k], e->path, len)) {
					atomic_store(&e->ns_present, true);
					break;
				}
		}
}

static bool ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/*
 * Is the operand that ends before 'p[i]' (going left) or starts at 'p[i]'
 * (going right, 'dir' 1) bounded by a lone '|' or the text's end,
 * looking through blanks and parentheses?
 */
static bool or_bound(const char *p, size_t len, size_t i, int dir)
{
	const char paren = dir > 0 ? ')' : '(';
	for (; dir > 0 ? i < len : i > 0; i += (size_t)dir) {
		char c = p[dir > 0 ? i : i - 1];
		if (c == ' ' || c == '\t' || c == '\n' || c == paren)
			continue;
		if (c != '|')
			return false;
		size_t j = dir > 0 ? i + 1 : i - 2; /* the character past it */
		return dir > 0 ? j >= len || p[j] != '|'
			       : i < 2 || p[j] != '|';
	}
	return true;
}

bool rules_unless_exempts(const struct rule_unless *u, const char *text)
{
	if (!u || !text)
		return false;
	size_t len = strlen(text);
	for (size_t i = 0; i < len;) {
		if (!ident_char(text[i]) || (text[i] >= '0' && text[i] <= '9')) {
			i++;
			continue;
		}
		size_t e = i;
		while (e < len && ident_char(text[e]))
			e++;
		for (size_t k = 0; k < u->nnames; k++)
			if (strlen(u->names[k]) == e - i &&
			    !strncmp(u->names[k], text + i, e - i) &&
			    or_bound(text, len, i, -1) && or_bound(text, len, e, 1))
				return true;
		i = e;
	}
	return false;
}

const struct rule *rules_match_lock(struct rules *r, const char *name,
				    bool *is_acquire)
{
	querylog_note(QUERY_LOCK, 0, name, NULL);
	for (size_t i = 0; i < r->nlocks; i++) {
		struct rule *l = &r->locks[i];
		if (!strcmp(l->path, name) || !strcmp(l->release, name)) {
			*is_acquire = !strcmp(l->path, name);
			atomic_fetch_add_explicit(&l->uses, 1,
						  memory_order_relaxed);
			return l;
		}
	}
	return NULL;
}

bool rules_want_header(const struct rules *r, const char *path)
{
	return r->header_re && regexec(r->header_re, path, 0, NULL, 0) == 0;
}

void rules_want_all_headers(struct rules *r)
{
	if (r->all_headers)
		return;
	regex_t *all = xmalloc(sizeof(*all));
	if (regcomp(all, "^", REG_EXTENDED | REG_NOSUB))
		BUG("'^' does not compile as a regular expression");
	r->report_re = r->header_re;
	r->header_re = all;
	r->all_headers = true;
}

bool rules_report_header(const struct rules *r, const char *path)
{
	const void *re = r->all_headers ? r->report_re : r->header_re;
	return re && regexec(re, path, 0, NULL, 0) == 0;
}

bool rules_excluded(const struct rules *r, const char *abs_path)
{
	const char *base = strrchr(abs_path, '/');
	base = base ? base + 1 : abs_path;
	for (size_t i = 0; i < r->nexcludes; i++) {
		const char *g = r->excludes[i].path;
		if (fnmatch(g, strchr(g, '/') ? abs_path : base, 0) == 0) {
			atomic_fetch_add_explicit(&r->excludes[i].uses, 1,
						  memory_order_relaxed);
			return true;
		}
	}
	return false;
}

/* Would rules_report_unused() say that 'e' matched nothing? */
static bool reported_unused(const struct rule *e)
{
	return !e->uses && !e->allow_unused && e->line && !e->misuse &&
	       (!strstr(e->path, "::") || e->ns_present);
}

void rules_suggest(struct rules *r, enum rule_list list,
		   const char *const *names, size_t n)
{
	for (size_t i = 0; i < r->n[list]; i++) {
		struct rule *e = &r->lists[list][i];
		if (!reported_unused(e))
			continue;
		/*
		 * A misspelling is an edit or two: one per five letters of
		 * the name, at most 2.  More and the closest of a project's
		 * thousands of names is just another function ('recv' ->
		 * 'read', 'dill_udp_recvl' -> 'dill_udp_sendl', a test's
		 * 'mock_' twin of a long name).
		 */
		size_t len = strlen(e->path), best = (size_t)-1;
		size_t limit = len / 5 < 2 ? len / 5 : 2;
		for (size_t k = 0; k < n; k++) {
			size_t other = strlen(names[k]);
			/* an entry of the list is not what another one meant */
			if (rules_find(r, list, names[k]))
				continue;
			/* the distance is at least the difference in length */
			if ((other > len ? other - len : len - other) > limit)
				continue;
			size_t d = edit_distance(e->path, names[k]);
			if (d && d <= limit && d < best) {
				best = d;
				e->suggest = names[k];
			}
		}
	}
}

static void unused_at(struct diag_list *out, const struct rule *e,
		      const char *fmt, ...) ATTR_PRINTF(3, 4);
static void unused_at(struct diag_list *out, const struct rule *e,
		      const char *fmt, ...)
{
	struct src_loc loc = { e->file, e->line, e->col };
	struct strbuf sb;
	va_list ap;
	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	diag_list_add_problem(out, PROBLEM_WARNING, &loc, "%s", sb.buf);
	strbuf_release(&sb);
}

void rules_report_unused(const struct rules *r, struct diag_list *out)
{
	for (size_t i = 0; i < r->nexcludes; i++) {
		const struct rule *x = &r->excludes[i];
		if (x->uses || !x->line)
			continue;
		if (strchr(x->reason, '/'))
			fprintf(stderr,
				"%s:%u:%u: warning: 'exclude' pattern '%s' matched no file of the run (a pattern with '/' is relative to the configuration's directory: '%s') [await-holding-config]\n",
				x->file, x->line, x->col, x->reason, x->path);
		else
			fprintf(stderr,
				"%s:%u:%u: warning: 'exclude' pattern '%s' matched no file of the run (a pattern without '/' matches a file name in any directory) [await-holding-config]\n",
				x->file, x->line, x->col, x->reason);
	}
	for (size_t i = 0; i < r->nlocks; i++) {
		const struct rule *l = &r->locks[i];
		if (l->uses || l->allow_unused || !l->line)
			continue;
		unused_at(out, l,
			  "lock function pair '%s'/'%s' in 'lock-functions' matched no call in the checked files; check the spelling, or add allow-unused = true [await-holding-config]",
			  l->path, l->release);
	}
	for (int l = 0; l < RL_COUNT; l++)
		for (size_t i = 0; i < r->n[l]; i++) {
			const struct rule *e = &r->lists[l][i];
			if (e->uses || e->allow_unused || !e->line)
				continue;
			if (e->misuse) {
				unused_at(out, e,
					  "'%s' in '%s' names %s, so it matches nothing there; did you mean '%s'? [await-holding-config]",
					  e->path, rules_list_keys[l], e->misuse,
					  l == RL_INVALID_TYPES ? "suspend-functions"
								: "await-holding-invalid-types");
				continue;
			}
			if (strstr(e->path, "::") && !e->ns_present)
				continue;
			if (e->suggest) {
				unused_at(out, e,
					  "'%s' in '%s' matched nothing in the project; did you mean '%s'? [await-holding-config]",
					  e->path, rules_list_keys[l], e->suggest);
				continue;
			}
			unused_at(out, e,
				  "'%s' in '%s' matched nothing in the checked files; check the spelling and the namespace, or add allow-unused = true [await-holding-config]",
				  e->path, rules_list_keys[l]);
		}
}

