/*
 * rules.c - configuration files and rule packs -> struct rules, and name
 * matching against them (rules.h).
 *
 * Both file formats are read into the same tree of struct toml_value
 * (JSON through cJSON, with positions from json.c), and one schema
 * check walks that tree, so TOML and JSON users get the same messages,
 * each at the line and column of the offending key or value.
 */
#include "common.h"
#include "rules.h"
#include "json.h"
#include "packs.h"
#include "toml.h"
#include "util.h"

#include <errno.h>
#include <fnmatch.h>
#include <regex.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

/* ORDER RULE_LIST */
static const char *const list_keys[RL_COUNT + 1] = { /* NULL-terminated */
	"await-holding-invalid-types",
	"suspend-functions",
	"suspend-macros",
	"allowed-awaitables",
	"allowed-callees",
	"allowed-types",
};

static const char *const other_keys[] = {
	"extends", "lock-functions", "inherit", "header-filter", "exclude", NULL,
};

static const char *const entry_keys[] = {
	"path", "reason", "allow-unused", NULL,
};

static const char *const lock_keys[] = {
	"acquire", "release", "reason", "allow-unused", NULL,
};

void rules_init(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
	pthread_mutex_init(&r->lock, NULL);
	r->source = "built-in default";
}

void rules_release(struct rules *r)
{
	if (r->header_re) {
		regfree(r->header_re);
		free(r->header_re);
	}
	free(r->excludes);
	for (int i = 0; i < RL_COUNT; i++)
		free(r->lists[i]);
	free(r->locks);
	arena_release(&r->arena);
	pthread_mutex_destroy(&r->lock);
	memset(r, 0, sizeof(*r));
}

static const char *normalize_path(struct rules *r, const char *path)
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

struct rule *rules_add(struct rules *r, enum rule_list list, const char *path,
		       const char *reason)
{
	struct rule *e;
	const char *norm = normalize_path(r, path);
	/* the same path again (a pack and a file, a parent and a child):
	 * one entry, the later reason wins */
	for (size_t i = 0; i < r->n[list]; i++) {
		e = &r->lists[list][i];
		if (!strcmp(e->path, norm)) {
			if (reason)
				e->reason = arena_strdup(&r->arena, reason);
			return e;
		}
	}
	ARRAY_GROW(r->lists[list], r->n[list] + 1, r->cap[list]);
	e = &r->lists[list][r->n[list]++];
	memset(e, 0, sizeof(*e));
	e->path = norm;
	e->reason = reason ? arena_strdup(&r->arena, reason) : NULL;
	e->file = "<command line>";
	return e;
}

bool rules_has(const struct rules *r, enum rule_list list)
{
	return r->n[list] > 0;
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
	for (size_t i = 0; i < r->n[list]; i++) {
		struct rule *e = &r->lists[list][i];
		bool hit = strchr(e->path, '<')
				   ? spelled && same_spelling(e->path, spelled)
				   : qualname && !strcmp(e->path, qualname);
		if (hit) {
			pthread_mutex_lock(&r->lock);
			e->uses++;
			pthread_mutex_unlock(&r->lock);
			return e;
		}
	}
	return NULL;
}

void rules_note_misuse(struct rules *r, enum rule_list list, const char *name,
		       const char *what)
{
	for (size_t i = 0; i < r->n[list]; i++) {
		struct rule *e = &r->lists[list][i];
		if (!e->misuse && !strcmp(e->path, name)) {
			pthread_mutex_lock(&r->lock);
			e->misuse = what;
			pthread_mutex_unlock(&r->lock);
		}
	}
}

/*
 * Compile 'regex' as the header filter, replacing any earlier one.  On
 * failure, returns -1 with regcomp's message in 'msg' and leaves 'r' as
 * it was.
 */
static int set_header_filter(struct rules *r, const char *regex, char *msg,
			     size_t msg_size)
{
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

int rules_set_header_filter(struct rules *r, const char *regex)
{
	char msg[256];
	if (set_header_filter(r, regex, msg, sizeof(msg)) < 0)
		return error("invalid regular expression '%s' for --header-filter: %s",
			     regex, msg);
	return 0;
}

void rules_note_namespaces(struct rules *r, char *const *names, size_t n)
{
	pthread_mutex_lock(&r->lock);
	for (int l = 0; l < RL_COUNT; l++)
		for (size_t i = 0; i < r->n[l]; i++) {
			struct rule *e = &r->lists[l][i];
			const char *sep = strstr(e->path, "::");
			if (!sep || e->ns_present)
				continue;
			size_t len = (size_t)(sep - e->path);
			for (size_t k = 0; k < n && !e->ns_present; k++)
				e->ns_present = strlen(names[k]) == len &&
						!strncmp(names[k], e->path, len);
		}
	pthread_mutex_unlock(&r->lock);
}

const struct rule *rules_match_lock(struct rules *r, const char *name,
				    bool *is_acquire)
{
	for (size_t i = 0; i < r->nlocks; i++) {
		struct rule *l = &r->locks[i];
		if (!strcmp(l->path, name) || !strcmp(l->release, name)) {
			*is_acquire = !strcmp(l->path, name);
			pthread_mutex_lock(&r->lock);
			l->uses++;
			pthread_mutex_unlock(&r->lock);
			return l;
		}
	}
	return NULL;
}

/* ---- reading a document into a tree ------------------------------------ */

struct doc {
	const char *path;   /* for messages */
	const char *text;   /* whole file, for excerpts */
	struct arena *a;    /* tree memory */
	bool is_pack;
};

static int at(const struct doc *d, struct toml_pos pos, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

static int at(const struct doc *d, struct toml_pos pos, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return report_at(d->path, d->text, pos.line, pos.col, 1, "error", "%s",
			 msg);
}

static struct toml_value *from_json(const struct json_doc *jd,
				    const cJSON *n, struct arena *a);

static struct toml_value *json_value(const struct json_doc *jd, const cJSON *n,
				     struct arena *a)
{
	struct toml_value *v = arena_alloc(a, sizeof(*v));
	json_doc_pos(jd, n, &v->pos.line, &v->pos.col);
	if (cJSON_IsString(n)) {
		v->kind = TOML_STRING;
		v->u.str.s = arena_strdup(a, n->valuestring);
		v->u.str.len = strlen(n->valuestring);
	} else if (cJSON_IsBool(n)) {
		v->kind = TOML_BOOL;
		v->u.b = cJSON_IsTrue(n);
	} else if (cJSON_IsNumber(n)) {
		double d = n->valuedouble;
		if (d == (double)(int64_t)d) {
			v->kind = TOML_INTEGER;
			v->u.i = (int64_t)d;
		} else {
			v->kind = TOML_FLOAT;
			v->u.f = d;
		}
	} else if (cJSON_IsArray(n) || cJSON_IsObject(n)) {
		return from_json(jd, n, a);
	} else { /* null */
		v->kind = TOML_STRING;
		v->u.str.s = NULL;
	}
	return v;
}

static struct toml_value *from_json(const struct json_doc *jd,
				    const cJSON *n, struct arena *a)
{
	struct toml_value *v = arena_alloc(a, sizeof(*v));
	size_t count = 0;
	const cJSON *c;
	json_doc_pos(jd, n, &v->pos.line, &v->pos.col);
	cJSON_ArrayForEach(c, n)
		count++;
	if (cJSON_IsArray(n)) {
		v->kind = TOML_ARRAY;
		v->u.arr.items = arena_alloc(a, count * sizeof(*v->u.arr.items));
		cJSON_ArrayForEach(c, n)
			v->u.arr.items[v->u.arr.n++] = json_value(jd, c, a);
	} else {
		v->kind = TOML_TABLE;
		v->u.tab.items = arena_alloc(a, count * sizeof(*v->u.tab.items));
		cJSON_ArrayForEach(c, n) {
			struct toml_kv *kv = &v->u.tab.items[v->u.tab.n++];
			kv->key = arena_strdup(a, c->string ? c->string : "");
			kv->key_len = strlen(kv->key);
			json_doc_key_pos(jd, c, &kv->key_pos.line,
					 &kv->key_pos.col);
			kv->value = json_value(jd, c, a);
		}
	}
	return v;
}

/* Parse 'text' as TOML or JSON into a tree; -1 after printing an error. */
static int parse_doc(const struct doc *d, bool json, struct toml_value **root)
{
	if (json) {
		struct json_doc jd;
		if (json_doc_parse(&jd, d->path, d->text) < 0)
			return -1;
		if (!cJSON_IsObject(jd.root)) {
			unsigned line, col;
			json_doc_pos(&jd, jd.root, &line, &col);
			report_at(d->path, jd.text, line, col, 1, "error",
				  "expected an object at the top level, found %s",
				  json_type_name(jd.root));
			json_doc_release(&jd);
			return -1;
		}
		*root = from_json(&jd, jd.root, d->a);
		json_doc_release(&jd);
		return 0;
	}
	struct toml_error err;
	if (toml_parse(d->a, d->text, strlen(d->text), root, &err) < 0) {
		report_at(d->path, d->text, err.line, err.col, 1, "error", "%s",
			  err.msg);
		return -1;
	}
	return 0;
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
static int unknown_key(const struct doc *d, const struct toml_kv *kv,
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

static const char *kind_article(const struct toml_value *v)
{
	switch (v->kind) {
	case TOML_ARRAY:
	case TOML_INTEGER:
	case TOML_OFFSET_DATETIME:
	case TOML_LOCAL_DATETIME:
	case TOML_LOCAL_DATE:
	case TOML_LOCAL_TIME:
		return "an";
	default:
		return "a";
	}
}

static int want_string(const struct doc *d, const struct toml_value *v,
		       const char *what, const char **out)
{
	if (v->kind != TOML_STRING || !v->u.str.s)
		return at(d, v->pos, "expected a string for %s, found %s %s",
			  what, kind_article(v), v->u.str.s || v->kind != TOML_STRING
						       ? toml_kind_name(v->kind)
						       : "null");
	if (strlen(v->u.str.s) != v->u.str.len)
		return at(d, v->pos, "%s contains a NUL character", what);
	*out = v->u.str.s;
	return 0;
}

static int want_bool(const struct doc *d, const struct toml_value *v,
		     const char *what, bool *out)
{
	if (v->kind != TOML_BOOL)
		return at(d, v->pos, "expected true or false for %s, found %s %s",
			  what, kind_article(v), toml_kind_name(v->kind));
	*out = v->u.b;
	return 0;
}

static int check_name(const struct doc *d, const struct toml_value *v,
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
			      const struct doc *d, struct toml_pos pos,
			      const char *path)
{
	struct rule *e = rules_add(r, list, path, NULL);
	e->file = arena_strdup(&r->arena, d->path);
	e->line = pos.line;
	e->col = pos.col;
	e->allow_unused = d->is_pack; /* packs are shared: never nag */
	return e;
}

/* One element of a list: "path" or { path = "...", reason = "..." }. */
static int read_entry(struct rules *r, enum rule_list list,
		      const struct doc *d, const struct toml_value *v)
{
	const char *what = list_keys[list];

	if (v->kind == TOML_STRING) {
		const char *path;
		if (want_string(d, v, "an entry", &path) < 0 ||
		    check_name(d, v, path, "path") < 0)
			return -1;
		new_entry(r, list, d, v->pos, path);
		return 0;
	}
	if (v->kind != TOML_TABLE)
		return at(d, v->pos,
			  "expected a path string or a table with 'path' in '%s', found %s %s",
			  what, kind_article(v), toml_kind_name(v->kind));

	const char *path = NULL, *reason = NULL;
	bool allow_unused = false;
	for (size_t i = 0; i < v->u.tab.n; i++) {
		const struct toml_kv *kv = &v->u.tab.items[i];
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
		} else {
			return unknown_key(d, kv, what, entry_keys, NULL);
		}
	}
	if (!path)
		return at(d, v->pos, "missing 'path' in an entry of '%s'", what);
	struct rule *e = new_entry(r, list, d, v->pos, path);
	e->reason = reason ? arena_strdup(&r->arena, reason) : NULL;
	e->allow_unused = e->allow_unused || allow_unused;
	return 0;
}

static int read_list(struct rules *r, enum rule_list list,
		     const struct doc *d, const struct toml_value *v)
{
	if (v->kind != TOML_ARRAY)
		return at(d, v->pos, "expected an array for '%s', found %s %s",
			  list_keys[list], kind_article(v),
			  toml_kind_name(v->kind));
	for (size_t i = 0; i < v->u.arr.n; i++)
		if (read_entry(r, list, d, v->u.arr.items[i]) < 0)
			return -1;
	return 0;
}

static int read_locks(struct rules *r, const struct doc *d,
		      const struct toml_value *v)
{
	if (v->kind != TOML_ARRAY)
		return at(d, v->pos,
			  "expected an array for 'lock-functions', found %s %s",
			  kind_article(v), toml_kind_name(v->kind));
	for (size_t i = 0; i < v->u.arr.n; i++) {
		const struct toml_value *e = v->u.arr.items[i];
		const char *acq = NULL, *rel = NULL, *reason = NULL;
		bool allow_unused = false;
		if (e->kind != TOML_TABLE)
			return at(d, e->pos,
				  "expected a table { acquire = \"...\", release = \"...\" } in 'lock-functions', found %s %s",
				  kind_article(e), toml_kind_name(e->kind));
		for (size_t k = 0; k < e->u.tab.n; k++) {
			const struct toml_kv *kv = &e->u.tab.items[k];
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
		l->path = normalize_path(r, acq);
		l->release = normalize_path(r, rel);
		l->reason = reason ? arena_strdup(&r->arena, reason) : NULL;
		l->allow_unused = allow_unused || d->is_pack;
		l->file = arena_strdup(&r->arena, d->path);
		l->line = e->pos.line;
		l->col = e->pos.col;
	}
	return 0;
}

static int load_pack(struct rules *r, const char *name, const struct doc *from,
		     struct toml_pos pos, int depth);
static int load_file(struct rules *r, const char *path, int depth);

static int read_header_filter(struct rules *r, const struct doc *d,
			      const struct toml_value *v)
{
	const char *re;
	char msg[256];
	if (want_string(d, v, "'header-filter' (a regular expression)", &re) < 0)
		return -1;
	if (set_header_filter(r, re, msg, sizeof(msg)) < 0)
		return at(d, v->pos, "invalid regular expression in 'header-filter': %s",
			  msg);
	return 0;
}

static int read_excludes(struct rules *r, const struct doc *d,
			 const struct toml_value *v)
{
	if (v->kind != TOML_ARRAY)
		return at(d, v->pos, "expected an array of globs for 'exclude', found %s %s",
			  kind_article(v), toml_kind_name(v->kind));
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
		r->excludes[r->nexcludes++] = arena_strdup(&r->arena, pat);
	}
	free(dir);
	return 0;
}

static int read_root(struct rules *r, const struct doc *d,
		     const struct toml_value *root, int depth)
{
	/*
	 * extends first, so the file's own entries come after the packs';
	 * a configuration without it extends "std", as clippy's configured
	 * types add to its built-in lock lint.  "extends = []" opts out.
	 */
	const struct toml_value *ext = toml_get(root, "extends");
	const struct toml_value *inh = toml_get(root, "inherit");
	bool inherit = false;
	if (inh && want_bool(d, inh, "'inherit'", &inherit) < 0)
		return -1;
	if (inherit && !d->is_pack) {
		/* the nearest configuration above this file's directory */
		char *dir = dir_of(d->path);
		char *up = dir_of(dir);
		char *parent = strcmp(up, dir) ? rules_find_config(up) : NULL;
		free(up);
		free(dir);
		int rc = 0;
		if (parent) {
			rc = load_file(r, parent, depth + 1);
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
		if (ext->kind == TOML_STRING) {
			if (load_pack(r, ext->u.str.s, d, ext->pos, depth) < 0)
				return -1;
		} else if (ext->kind != TOML_ARRAY) {
			return at(d, ext->pos,
				  "expected an array of rule pack names for 'extends', found %s %s",
				  kind_article(ext), toml_kind_name(ext->kind));
		} else {
			for (size_t i = 0; i < ext->u.arr.n; i++) {
				const struct toml_value *p = ext->u.arr.items[i];
				const char *name;
				if (want_string(d, p, "a rule pack name", &name) < 0 ||
				    load_pack(r, name, d, p->pos, depth) < 0)
					return -1;
			}
		}
	}
	for (size_t i = 0; i < root->u.tab.n; i++) {
		const struct toml_kv *kv = &root->u.tab.items[i];
		int list = -1;
		for (int l = 0; l < RL_COUNT; l++)
			if (!strcmp(kv->key, list_keys[l]))
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
			return unknown_key(d, kv, NULL, list_keys, other_keys);
		}
	}
	return 0;
}

static int load_text(struct rules *r, const char *path, const char *text,
		     bool json, bool is_pack, int depth)
{
	struct arena a;
	struct toml_value *root;
	struct doc d = { path, text, &a, is_pack };
	int ret;

	arena_init(&a);
	ret = parse_doc(&d, json, &root);
	if (!ret)
		ret = read_root(r, &d, root, depth);
	arena_release(&a);
	return ret;
}

static int load_pack(struct rules *r, const char *name, const struct doc *from,
		     struct toml_pos pos, int depth)
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
				    text, false, true, depth + 1);
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
	struct doc d = { "<command line>", NULL, NULL, true };
	struct toml_pos pos = { 0, 0 };
	return load_pack(r, name, &d, pos, 0);
}

int rules_load_default(struct rules *r)
{
	r->source = "built-in default (rules/std.toml)";
	return rules_load_pack(r, "std");
}

int rules_load_file(struct rules *r, const char *path)
{
	return load_file(r, path, 0);
}

static int load_file(struct rules *r, const char *path, int depth)
{
	size_t len;
	char *text = read_file(path, &len);
	int ret;

	if (!text)
		return error("cannot read '%s': %s", path, strerror(errno));
	if (strlen(text) != len) {
		unsigned line, col;
		offset_to_linecol(text, strlen(text), &line, &col);
		ret = report_at(path, text, line, col, 1, "error",
				"unexpected NUL byte");
	} else {
		if (depth > 16) {
			free(text);
			return error("'%s': configurations inherit too deeply", path);
		}
		const char *p = arena_strdup(&r->arena, path);
		if (!depth)
			r->source = p;
		ret = load_text(r, p, text, ends_with(path, ".json"), false,
				depth);
	}
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

bool rules_want_header(const struct rules *r, const char *path)
{
	return r->header_re && regexec(r->header_re, path, 0, NULL, 0) == 0;
}

bool rules_excluded(const struct rules *r, const char *abs_path)
{
	const char *base = strrchr(abs_path, '/');
	base = base ? base + 1 : abs_path;
	for (size_t i = 0; i < r->nexcludes; i++) {
		const char *g = r->excludes[i];
		if (fnmatch(g, strchr(g, '/') ? abs_path : base, 0) == 0)
			return true;
	}
	return false;
}

void rules_report_unused(const struct rules *r)
{
	for (size_t i = 0; i < r->nlocks; i++) {
		const struct rule *l = &r->locks[i];
		if (l->uses || l->allow_unused || !l->line)
			continue;
		fprintf(stderr,
			"%s:%u:%u: warning: lock function pair '%s'/'%s' in 'lock-functions' matched no call in the checked files; check the spelling, or add allow-unused = true [await-holding-config]\n",
			l->file, l->line, l->col, l->path, l->release);
	}
	for (int l = 0; l < RL_COUNT; l++)
		for (size_t i = 0; i < r->n[l]; i++) {
			const struct rule *e = &r->lists[l][i];
			if (e->uses || e->allow_unused || !e->line)
				continue;
			if (e->misuse) {
				fprintf(stderr,
					"%s:%u:%u: warning: '%s' in '%s' names %s, so it matches nothing there; did you mean '%s'? [await-holding-config]\n",
					e->file, e->line, e->col, e->path, list_keys[l],
					e->misuse,
					l == RL_INVALID_TYPES ? "suspend-functions"
							      : "await-holding-invalid-types");
				continue;
			}
			if (strstr(e->path, "::") && !e->ns_present)
				continue;
			fprintf(stderr,
				"%s:%u:%u: warning: '%s' in '%s' matched nothing in the checked files; check the spelling and the namespace, or add allow-unused = true [await-holding-config]\n",
				e->file, e->line, e->col, e->path, list_keys[l]);
		}
}

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
		fprintf(out, "%s = [", list_keys[l]);
		for (size_t i = 0; i < r->n[l]; i++) {
			const struct rule *e = &r->lists[l][i];
			fputs("\n  ", out);
			if (!e->reason && !e->allow_unused) {
				toml_string(out, e->path);
			} else {
				fputs("{ path = ", out);
				toml_string(out, e->path);
				if (e->reason) {
					fputs(", reason = ", out);
					toml_string(out, e->reason);
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
	fputs("exclude = [", out);
	for (size_t i = 0; i < r->nexcludes; i++) {
		fputs(i ? ", " : "", out);
		toml_string(out, r->excludes[i]);
	}
	fputs("]\n", out);
}
