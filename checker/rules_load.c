/*
 * rules_load.c - configuration files and rule packs -> struct rules: the
 * schema, "extends" and "inherit", finding the nearest configuration,
 * and printing the effective one (rules.h).
 *
 * Both file formats are read into the same tree (conf.h), and one
 * schema check walks that tree, so TOML and JSON users get the same
 * messages, each at the line and column of the offending key or value.
 */
#include "common.h"
#include "rules.h"
#include "rules_p.h"
#include "conf.h"
#include "packs.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const other_keys[] = {
	"extends", "lock-functions", "inherit", "header-filter", "exclude", NULL,
};

static const char *const entry_keys[] = {
	"path", "reason", "allow-unused", NULL,
};

static const char *const suspend_entry_keys[] = {
	"path", "reason", "allow-unused", "unless-arg", NULL,
};

static const char *const unless_keys[] = {
	"index", "any-of", NULL,
};

static const char *const lock_keys[] = {
	"acquire", "release", "reason", "allow-unused", NULL,
};

/* ---- reading a document into a tree ------------------------------------ */

/* Deepest chain of configurations inheriting from the one above. */
#define MAX_INHERIT 16

/* The configuration files being loaded, each inheriting from the next. */
struct chain {
	const char *shown[MAX_INHERIT + 1]; /* as named */
	char *real[MAX_INHERIT + 1];        /* symlinks resolved (malloc'd) */
	int n;
};

struct doc {
	const char *path;   /* for messages */
	const char *text;   /* whole file, for excerpts */
	bool is_pack;
	struct chain *chain; /* files: the chain, this file last; packs: NULL */
};

static int at(const struct doc *d, struct conf_pos pos, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static int at(const struct doc *d, struct conf_pos pos, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return report_at(d->path, d->text, pos.line, pos.col, 1, "error", "%s",
			 msg);
}

/* ---- the schema -------------------------------------------------------- */

static const char *closest(const char *word, const char *const *a,
			   const char *const *b)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (int pass = 0; pass < 2; pass++) {
		const char *const *list = pass ? b : a;
		for (size_t i = 0; list && list[i]; i++) {
			size_t dist = edit_distance(word, list[i]);
			if (dist < best_d) {
				best_d = dist;
				best = list[i];
			}
		}
	}
	return best_d <= 3 || (best && best_d <= strlen(word) / 3) ? best : NULL;
}

/*
 * "unknown key 'x'[ in an entry of 'where']; did you mean 'y'? (allowed:
 * 'a', 'b', ...)": the keys allowed are 'a' and then 'b' (may be NULL),
 * both NULL-terminated.
 */
static int unknown_key(const struct doc *d, const struct conf_member *kv,
		       const char *where, const char *const *a,
		       const char *const *b)
{
	const char *const *lists[] = { a, b };
	char in[128] = "", hint[128] = "", allowed[512] = "";
	size_t len = 0;
	const char *near = closest(kv->key, a, b);
	if (where)
		snprintf(in, sizeof(in), " in an entry of '%s'", where);
	if (near)
		snprintf(hint, sizeof(hint), "; did you mean '%s'?", near);
	for (size_t l = 0; l < ARRAY_SIZE(lists); l++)
		for (size_t i = 0; lists[l] && lists[l][i]; i++)
			len += (size_t)snprintf(allowed + len,
						len < sizeof(allowed) ? sizeof(allowed) - len : 0,
						"%s'%s'", len ? ", " : "", lists[l][i]);
	return at(d, kv->key_pos, "unknown key '%s'%s%s (allowed: %s)", kv->key,
		  in, hint, allowed);
}

static int want_string(const struct doc *d, const struct conf_value *v,
		       const char *what, const char **out)
{
	if (v->kind != CONF_STRING)
		return at(d, v->pos, "expected a string for %s, found %s %s",
			  what, conf_article(v), conf_kind_name(v));
	if (strlen(v->u.str.s) != v->u.str.len)
		return at(d, v->pos, "%s contains a NUL character", what);
	*out = v->u.str.s;
	return 0;
}

static int want_bool(const struct doc *d, const struct conf_value *v,
		     const char *what, bool *out)
{
	if (v->kind != CONF_BOOL)
		return at(d, v->pos, "expected true or false for %s, found %s %s",
			  what, conf_article(v), conf_kind_name(v));
	*out = v->u.b;
	return 0;
}

static int check_name(const struct doc *d, const struct conf_value *v,
		      const char *s, const char *what)
{
	if (!*s)
		return at(d, v->pos, "empty %s", what);
	for (const char *p = s; *p; p++)
		if (*p == '\n' || *p == '\r')
			return at(d, v->pos, "%s must be one line", what);
	return 0;
}

static struct rule *new_entry(struct rules *r, enum rule_list list,
			      const struct doc *d, struct conf_pos pos,
			      const char *path)
{
	struct rule *e = rules_add(r, list, path, NULL);
	e->file = arena_strdup(&r->arena, d->path);
	e->line = pos.line;
	e->col = pos.col;
	e->allow_unused = d->is_pack; /* packs are shared: never nag */
	return e;
}

/*
 * 'unless-arg = { index = 1, any-of = ["GFP_ATOMIC", "GFP_NOWAIT"] }' in
 * an entry of 'what'.  The result lives in r's arena.
 */
static int read_unless(struct rules *r, const struct doc *d, const char *what,
		       const struct conf_value *v, const struct rule_unless **out)
{
	struct rule_unless *u;
	const struct conf_value *index = NULL, *any = NULL;
	if (v->kind != CONF_TABLE)
		return at(d, v->pos,
			  "expected a table { index = N, any-of = [\"NAME\", ...] } for 'unless-arg', found %s %s",
			  conf_article(v), conf_kind_name(v));
	for (size_t i = 0; i < v->u.tab.n; i++) {
		const struct conf_member *kv = &v->u.tab.items[i];
		if (!strcmp(kv->key, "index"))
			index = kv->value;
		else if (!strcmp(kv->key, "any-of"))
			any = kv->value;
		else
			return unknown_key(d, kv, what, unless_keys, NULL);
	}
	if (!index || !any)
		return at(d, v->pos, "missing '%s' in 'unless-arg'",
			  index ? "any-of" : "index");
	if (index->kind != CONF_INTEGER)
		return at(d, index->pos,
			  "expected an argument number (0 for the first) for 'index', found %s %s",
			  conf_article(index), conf_kind_name(index));
	if (index->u.i < 0 || index->u.i > 255)
		return at(d, index->pos,
			  "'index' counts arguments from 0 and must be between 0 and 255");
	if (any->kind != CONF_ARRAY)
		return at(d, any->pos,
			  "expected an array of names for 'any-of', found %s %s",
			  conf_article(any), conf_kind_name(any));
	if (!any->u.arr.n)
		return at(d, any->pos, "'any-of' names no argument value");
	u = arena_alloc(&r->arena, sizeof(*u));
	u->index = (unsigned)index->u.i;
	u->nnames = any->u.arr.n;
	u->names = arena_alloc(&r->arena, u->nnames * sizeof(*u->names));
	for (size_t i = 0; i < any->u.arr.n; i++) {
		const struct conf_value *n = any->u.arr.items[i];
		const char *name;
		if (want_string(d, n, "a name in 'any-of'", &name) < 0 ||
		    check_name(d, n, name, "name") < 0)
			return -1;
		for (const char *p = name; *p; p++)
			if (!(*p == '_' || (*p >= 'a' && *p <= 'z') ||
			      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
				return at(d, n->pos,
					  "'%s' in 'any-of' is not an identifier; name the macros or constants as the code writes them",
					  name);
		u->names[i] = arena_strdup(&r->arena, name);
	}
	*out = u;
	return 0;
}

/* One element of a list: "path" or { path = "...", reason = "..." }. */
static int read_entry(struct rules *r, enum rule_list list,
		      const struct doc *d, const struct conf_value *v)
{
	const char *what = rules_list_keys[list];

	if (v->kind == CONF_STRING) {
		const char *path;
		if (want_string(d, v, "an entry", &path) < 0 ||
		    check_name(d, v, path, "path") < 0)
			return -1;
		new_entry(r, list, d, v->pos, path);
		return 0;
	}
	if (v->kind != CONF_TABLE)
		return at(d, v->pos,
			  "expected a path string or a table with 'path' in '%s', found %s %s",
			  what, conf_article(v), conf_kind_name(v));

	const char *path = NULL, *reason = NULL;
	const struct rule_unless *unless = NULL;
	bool allow_unused = false;
	bool suspend_list = list == RL_SUSPEND_FUNCTIONS ||
			    list == RL_SUSPEND_MACROS;
	for (size_t i = 0; i < v->u.tab.n; i++) {
		const struct conf_member *kv = &v->u.tab.items[i];
		if (!strcmp(kv->key, "path")) {
			if (want_string(d, kv->value, "'path'", &path) < 0 ||
			    check_name(d, kv->value, path, "path") < 0)
				return -1;
		} else if (!strcmp(kv->key, "reason")) {
			if (want_string(d, kv->value, "'reason'", &reason) < 0)
				return -1;
		} else if (!strcmp(kv->key, "allow-unused") ||
			   !strcmp(kv->key, "allow-invalid")) {
			if (want_bool(d, kv->value, "'allow-unused'",
				      &allow_unused) < 0)
				return -1;
		} else if (!strcmp(kv->key, "unless-arg")) {
			if (!suspend_list)
				return at(d, kv->key_pos,
					  "'unless-arg' belongs in entries of 'suspend-functions' and 'suspend-macros', not '%s'",
					  what);
			if (read_unless(r, d, what, kv->value, &unless) < 0)
				return -1;
		} else {
			return unknown_key(d, kv, what,
					   suspend_list ? suspend_entry_keys
							: entry_keys,
					   NULL);
		}
	}
	if (!path)
		return at(d, v->pos, "missing 'path' in an entry of '%s'", what);
	struct rule *e = new_entry(r, list, d, v->pos, path);
	e->reason = reason ? arena_strdup(&r->arena, reason) : NULL;
	if (unless)
		e->unless = unless;
	e->allow_unused = e->allow_unused || allow_unused;
	return 0;
}

static int read_list(struct rules *r, enum rule_list list,
		     const struct doc *d, const struct conf_value *v)
{
	if (v->kind != CONF_ARRAY)
		return at(d, v->pos, "expected an array for '%s', found %s %s",
			  rules_list_keys[list], conf_article(v),
			  conf_kind_name(v));
	for (size_t i = 0; i < v->u.arr.n; i++)
		if (read_entry(r, list, d, v->u.arr.items[i]) < 0)
			return -1;
	return 0;
}

static int read_locks(struct rules *r, const struct doc *d,
		      const struct conf_value *v)
{
	if (v->kind != CONF_ARRAY)
		return at(d, v->pos,
			  "expected an array for 'lock-functions', found %s %s",
			  conf_article(v), conf_kind_name(v));
	for (size_t i = 0; i < v->u.arr.n; i++) {
		const struct conf_value *e = v->u.arr.items[i];
		const char *acq = NULL, *rel = NULL, *reason = NULL;
		bool allow_unused = false;
		if (e->kind != CONF_TABLE)
			return at(d, e->pos,
				  "expected a table { acquire = \"...\", release = \"...\" } in 'lock-functions', found %s %s",
				  conf_article(e), conf_kind_name(e));
		for (size_t k = 0; k < e->u.tab.n; k++) {
			const struct conf_member *kv = &e->u.tab.items[k];
			int rc = 0;
			if (!strcmp(kv->key, "acquire"))
				rc = want_string(d, kv->value, "'acquire'", &acq);
			else if (!strcmp(kv->key, "release"))
				rc = want_string(d, kv->value, "'release'", &rel);
			else if (!strcmp(kv->key, "reason"))
				rc = want_string(d, kv->value, "'reason'", &reason);
			else if (!strcmp(kv->key, "allow-unused"))
				rc = want_bool(d, kv->value, "'allow-unused'",
					       &allow_unused);
			else
				return unknown_key(d, kv, "lock-functions",
						   lock_keys, NULL);
			if (rc < 0)
				return -1;
		}
		if (!acq || !rel)
			return at(d, e->pos, "missing '%s' in an entry of 'lock-functions'",
				  acq ? "release" : "acquire");
		ARRAY_GROW(r->locks, r->nlocks + 1, r->cap_locks);
		struct rule *l = &r->locks[r->nlocks++];
		memset(l, 0, sizeof(*l));
		l->path = rules_normalize_path(r, acq);
		l->release = rules_normalize_path(r, rel);
		l->reason = reason ? arena_strdup(&r->arena, reason) : NULL;
		l->allow_unused = allow_unused || d->is_pack;
		l->file = arena_strdup(&r->arena, d->path);
		l->line = e->pos.line;
		l->col = e->pos.col;
	}
	return 0;
}

static int load_pack(struct rules *r, const char *name, const struct doc *from,
		     struct conf_pos pos, int depth);
static int load_file(struct rules *r, const char *path, struct chain *chain);

static int read_header_filter(struct rules *r, const struct doc *d,
			      const struct conf_value *v)
{
	const char *re;
	char msg[256];
	if (want_string(d, v, "'header-filter' (a regular expression)", &re) < 0)
		return -1;
	if (rules_compile_header_filter(r, re, msg, sizeof(msg)) < 0)
		return at(d, v->pos, "invalid regular expression in 'header-filter': %s",
			  msg);
	return 0;
}

static int read_excludes(struct rules *r, const struct doc *d,
			 const struct conf_value *v)
{
	if (v->kind != CONF_ARRAY)
		return at(d, v->pos, "expected an array of globs for 'exclude', found %s %s",
			  conf_article(v), conf_kind_name(v));
	char *dir = dir_of(d->path);
	for (size_t i = 0; i < v->u.arr.n; i++) {
		const char *g;
		if (want_string(d, v->u.arr.items[i], "an 'exclude' glob", &g) < 0 ||
		    check_name(d, v->u.arr.items[i], g, "glob") < 0) {
			free(dir);
			return -1;
		}
		/*
		 * A glob without '/' ("*.pb.cc") matches a file name anywhere;
		 * one with '/' is relative to the configuration's directory.
		 */
		const char *pat = g;
		if (strchr(g, '/') && g[0] != '/' && g[0] != '*') {
			char *abs = realpath(dir, NULL);
			pat = arena_printf(&r->arena, "%s/%s", abs ? abs : dir, g);
			free(abs);
		}
		ARRAY_GROW(r->excludes, r->nexcludes + 1, r->cap_excludes);
		struct rule *x = &r->excludes[r->nexcludes++];
		memset(x, 0, sizeof(*x));
		x->path = arena_strdup(&r->arena, pat);
		x->reason = arena_strdup(&r->arena, g);
		x->file = arena_strdup(&r->arena, d->path);
		x->line = v->u.arr.items[i]->pos.line;
		x->col = v->u.arr.items[i]->pos.col;
	}
	free(dir);
	return 0;
}

static int read_root(struct rules *r, const struct doc *d,
		     const struct conf_value *root, int depth)
{
	/*
	 * extends first, so the file's own entries come after the packs';
	 * a configuration without it extends "std", as clippy's configured
	 * types add to its built-in lock lint.  "extends = []" opts out.
	 */
	const struct conf_value *ext = conf_get(root, "extends");
	const struct conf_value *inh = conf_get(root, "inherit");
	bool inherit = false;
	if (inh && want_bool(d, inh, "'inherit'", &inherit) < 0)
		return -1;
	if (inherit && !d->is_pack) {
		/*
		 * the nearest configuration above this file's directory, the
		 * real one: through a symlinked path, "above" would otherwise
		 * be a child directory, or this very file
		 */
		char *dir = dir_of(d->chain->real[d->chain->n - 1]);
		char *up = dir_of(dir);
		char *parent = strcmp(up, dir) ? rules_find_config(up) : NULL;
		free(up);
		free(dir);
		int rc = 0;
		if (parent) {
			rc = load_file(r, parent, d->chain);
		} else if (load_pack(r, "std", d, inh->pos, depth) < 0) {
			rc = -1; /* nothing above: the built-in default */
		}
		free(parent);
		if (rc < 0)
			return -1;
	}
	if (!ext && !d->is_pack && !inherit) {
		if (load_pack(r, "std", d, root->pos, depth) < 0)
			return -1;
	} else if (ext) {
		if (ext->kind == CONF_STRING) {
			if (load_pack(r, ext->u.str.s, d, ext->pos, depth) < 0)
				return -1;
		} else if (ext->kind != CONF_ARRAY) {
			return at(d, ext->pos,
				  "expected an array of rule pack names for 'extends', found %s %s",
				  conf_article(ext), conf_kind_name(ext));
		} else {
			for (size_t i = 0; i < ext->u.arr.n; i++) {
				const struct conf_value *p = ext->u.arr.items[i];
				const char *name;
				if (want_string(d, p, "a rule pack name", &name) < 0 ||
				    load_pack(r, name, d, p->pos, depth) < 0)
					return -1;
			}
		}
	}
	for (size_t i = 0; i < root->u.tab.n; i++) {
		const struct conf_member *kv = &root->u.tab.items[i];
		int list = -1;
		for (int l = 0; l < RL_COUNT; l++)
			if (!strcmp(kv->key, rules_list_keys[l]))
				list = l;
		if (list >= 0) {
			if (read_list(r, (enum rule_list)list, d, kv->value) < 0)
				return -1;
		} else if (!strcmp(kv->key, "lock-functions")) {
			if (read_locks(r, d, kv->value) < 0)
				return -1;
		} else if (!strcmp(kv->key, "extends") ||
			   !strcmp(kv->key, "inherit")) {
			continue;
		} else if (!strcmp(kv->key, "header-filter")) {
			if (read_header_filter(r, d, kv->value) < 0)
				return -1;
		} else if (!strcmp(kv->key, "exclude")) {
			if (read_excludes(r, d, kv->value) < 0)
				return -1;
		} else {
			return unknown_key(d, kv, NULL, rules_list_keys, other_keys);
		}
	}
	return 0;
}

static int load_text(struct rules *r, const char *path, const char *text,
		     bool json, struct chain *chain, int depth)
{
	struct arena a;
	struct conf_value *root;
	struct doc d = { path, text, chain == NULL, chain };
	int ret;

	arena_init(&a);
	ret = conf_read(&a, path, text, json, &root);
	if (!ret)
		ret = read_root(r, &d, root, depth);
	arena_release(&a);
	return ret;
}

static int load_pack(struct rules *r, const char *name, const struct doc *from,
		     struct conf_pos pos, int depth)
{
	char msg[512];
	size_t len = 0;
	if (depth > 8)
		return at(from, pos, "rule packs extend each other too deeply");
	for (size_t i = 0; i < nrule_packs; i++) {
		if (strcmp(rule_packs[i].name, name))
			continue;
		char *text = xstrndup((const char *)rule_packs[i].text,
				      rule_packs[i].len);
		int ret = load_text(r, arena_printf(&r->arena, "<rules/%s.toml>",
						    name),
				    text, false, NULL, depth + 1);
		free(text);
		return ret;
	}
	for (size_t i = 0; i < nrule_packs; i++)
		len += (size_t)snprintf(msg + len, len < sizeof(msg) ? sizeof(msg) - len : 0,
					"%s%s", i ? ", " : "", rule_packs[i].name);
	return at(from, pos, "unknown rule pack '%s' (available: %s)", name, msg);
}

int rules_load_pack(struct rules *r, const char *name)
{
	struct doc d = { "<command line>", NULL, true, NULL };
	struct conf_pos pos = { 0, 0 };
	return load_pack(r, name, &d, pos, 0);
}

int rules_load_default(struct rules *r)
{
	r->source = "built-in default (rules/std.toml)";
	return rules_load_pack(r, "std");
}

int rules_load_file(struct rules *r, const char *path)
{
	struct chain chain = { .n = 0 };
	return load_file(r, path, &chain);
}

/* "a.toml -> b/a.toml -> ...": the files of 'c', then 'last'. */
static char *chain_text(const struct chain *c, const char *last)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (int i = 0; i < c->n; i++)
		strbuf_addf(&sb, "'%s' -> ", c->shown[i]);
	strbuf_addf(&sb, "'%s'", last);
	return strbuf_detach(&sb);
}

/*
 * Load the configuration file 'path', which inherits nothing or from
 * the last file of 'chain' (a file met twice in a chain is an error, as
 * is a chain longer than MAX_INHERIT).
 */
static int load_file(struct rules *r, const char *path, struct chain *chain)
{
	size_t len;
	char *real = realpath(path, NULL), *text;
	int ret;

	if (!real)
		real = xstrdup(path);
	bool again = false;
	for (int i = 0; i < chain->n; i++)
		again = again || !strcmp(chain->real[i], real);
	if (again || chain->n > MAX_INHERIT) {
		char *t = chain_text(chain, path);
		if (again)
			ret = error("configuration '%s' inherits from itself: %s",
				    path, t);
		else
			ret = error("configurations inherit too deeply (at most %d levels): %s",
				    MAX_INHERIT, t);
		free(t);
		free(real);
		return ret;
	}
	if (!(text = read_file(path, &len))) {
		free(real);
		return error("cannot read '%s': %s", path, strerror(errno));
	}
	if (strlen(text) != len) {
		unsigned line, col;
		offset_to_linecol(text, strlen(text), &line, &col);
		ret = report_at(path, text, line, col, 1, "error",
				"unexpected NUL byte");
	} else {
		const char *p = arena_strdup(&r->arena, path);
		if (!chain->n)
			r->source = p;
		chain->shown[chain->n] = p;
		chain->real[chain->n++] = real;
		real = NULL;
		ret = load_text(r, p, text, ends_with(path, ".json"), chain, 0);
		free(chain->real[--chain->n]);
	}
	free(real);
	free(text);
	return ret;
}

char *rules_find_config(const char *start)
{
	static const char *const names[] = { "await-holding.toml",
					     "await-holding.json" };
	char *dir = realpath(start, NULL);
	struct stat st;
	if (!dir)
		dir = xstrdup(start);
	for (;;) {
		for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
			char *p = xmalloc(strlen(dir) + strlen(names[i]) + 2);
			sprintf(p, "%s/%s", strcmp(dir, "/") ? dir : "", names[i]);
			if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
				free(dir);
				return p;
			}
			free(p);
		}
		char *up = dir_of(dir);
		if (!strcmp(up, dir)) {
			free(up);
			free(dir);
			return NULL;
		}
		free(dir);
		dir = up;
	}
}

/* 's' as a TOML basic string; no control character is written raw. */
static void toml_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p == '\t')
			fputs("\\t", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
			fprintf(out, "\\u%04x", *++p); /* C1 controls */
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

void rules_dump(const struct rules *r, const char *file, FILE *out)
{
	fprintf(out, "# effective configuration for %s\n# from %s\n", file,
		r->source);
	for (int l = 0; l < RL_COUNT; l++) {
		fprintf(out, "%s = [", rules_list_keys[l]);
		for (size_t i = 0; i < r->n[l]; i++) {
			const struct rule *e = &r->lists[l][i];
			fputs("\n  ", out);
			if (!e->reason && !e->allow_unused && !e->unless) {
				toml_string(out, e->path);
			} else {
				fputs("{ path = ", out);
				toml_string(out, e->path);
				if (e->reason) {
					fputs(", reason = ", out);
					toml_string(out, e->reason);
				}
				if (e->unless) {
					fprintf(out, ", unless-arg = { index = %u, any-of = [",
						e->unless->index);
					for (size_t k = 0; k < e->unless->nnames; k++) {
						fputs(k ? ", " : "", out);
						toml_string(out, e->unless->names[k]);
					}
					fputs("] }", out);
				}
				if (e->allow_unused)
					fputs(", allow-unused = true", out);
				fputs(" }", out);
			}
			fputc(',', out);
		}
		fputs(r->n[l] ? "\n]\n" : "]\n", out);
	}
	fputs("lock-functions = [", out);
	for (size_t i = 0; i < r->nlocks; i++) {
		fputs("\n  { acquire = ", out);
		toml_string(out, r->locks[i].path);
		fputs(", release = ", out);
		toml_string(out, r->locks[i].release);
		if (r->locks[i].reason) {
			fputs(", reason = ", out);
			toml_string(out, r->locks[i].reason);
		}
		fputs(" },", out);
	}
	fputs(r->nlocks ? "\n]\n" : "]\n", out);
	if (r->header_filter) {
		fputs("header-filter = ", out);
		toml_string(out, r->header_filter);
		fputc('\n', out);
	}
	if (r->nexcludes)
		fputs("# exclude: a pattern with '/' is relative to the directory of the\n"
		      "# configuration that says it (shown resolved); one without '/'\n"
		      "# matches a file name in any directory\n", out);
	fputs("exclude = [", out);
	for (size_t i = 0; i < r->nexcludes; i++) {
		fputs(i ? ", " : "", out);
		toml_string(out, r->excludes[i].path);
	}
	fputs("]\n", out);
}
