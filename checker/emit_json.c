/*
 * emit_json.c - findings as one JSON document (schema in README.md):
 *
 *   {"version": "...", "diagnostics": [{"file", "line", "column",
 *     "severity", "message", "check", "function", "fingerprint",
 *     "guard": {"name", "display", "type", "matched", "reason", "via"},
 *     "suspensions": [{"file", "line", "column", "kind", "detail",
 *                      "message"}]}],
 *    "errors": [{"file", "line", "column", "message"}]}
 *
 * Absent values are null, never missing keys, so readers can rely on the
 * shape.
 */
#include "common.h"
#include "emit.h"
#include "diag.h"
#include "fingerprint.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static void add_str(cJSON *obj, const char *key, const char *val)
{
	if (val)
		cJSON_AddStringToObject(obj, key, val);
	else
		cJSON_AddNullToObject(obj, key);
}

static void add_loc(cJSON *obj, const struct src_loc *l)
{
	add_str(obj, "file", l->file);
	cJSON_AddNumberToObject(obj, "line", l->line);
	cJSON_AddNumberToObject(obj, "column", l->col);
}

struct elements {
	const struct diag_list *l;
	const char **fps;
	struct arena a;       /* one element's texts; reset for each */
};

/* The element of "diagnostics" for finding 'i'. */
/*
 * "first_hops": every chain through a distinct first callee (the note
 * shows the shortest), or null.
 */
static void first_hops(cJSON *s, const char *hops)
{
	if (!hops) {
		cJSON_AddNullToObject(s, "first_hops");
		return;
	}
	cJSON *a = cJSON_AddArrayToObject(s, "first_hops");
	for (const char *p = hops; *p;) {
		const char *nl = strchr(p, '\t');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *one = xstrndup(p, n);
		cJSON_AddItemToArray(a, cJSON_CreateString(one));
		free(one);
		p += n + (nl ? 1 : 0);
	}
}

static cJSON *diagnostic(size_t i, void *arg)
{
	struct elements *e = arg;
	const struct finding *f = &e->l->findings[i];
	cJSON *d = cJSON_CreateObject(), *g, *ss;

	arena_release(&e->a);
	add_loc(d, &f->loc);
	add_str(d, "severity", "warning");
	add_str(d, "message", diag_warning_text(&e->a, f));
	add_str(d, "check", "await-holding");
	add_str(d, "function", f->function);
	add_str(d, "fingerprint", e->fps[i]);
	g = cJSON_AddObjectToObject(d, "guard");
	add_str(g, "name", f->name);
	add_str(g, "display", f->display ? f->display : f->name);
	add_str(g, "type", f->type);
	add_str(g, "matched", f->matched);
	add_str(g, "reason", f->reason);
	add_str(g, "via", f->via);
	ss = cJSON_AddArrayToObject(d, "suspensions");
	for (size_t k = 0; k < f->nsusp; k++) {
		cJSON *s = cJSON_CreateObject();
		add_loc(s, &f->susp[k].loc);
		add_str(s, "kind", suspend_kind_name(f->susp[k].kind));
		add_str(s, "detail", f->susp[k].detail);
		first_hops(s, f->susp[k].hops);
		add_str(s, "message", diag_note_text(&e->a, &f->susp[k]));
		cJSON_AddItemToArray(ss, s);
	}
	return d;
}

static void write_json(FILE *out, const struct diag_list *l,
		       const struct emit_ctx *ctx)
{
	struct arena a;
	struct elements e = { .l = l };
	cJSON *root = cJSON_CreateObject();
	cJSON *errors;

	arena_init(&a);
	arena_init(&e.a);
	e.fps = fingerprint_all(&a, l, ctx->source_root, ctx->src);
	cJSON_AddStringToObject(root, "version", AWAIT_HOLDING_VERSION);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "diagnostics"),
			     cJSON_CreateString(EMIT_SLOT));
	errors = cJSON_AddArrayToObject(root, "errors");
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		cJSON *err = cJSON_CreateObject();
		add_loc(err, &p->loc);
		add_str(err, "severity", problem_kind_name(p->kind));
		add_str(err, "message", p->message);
		cJSON_AddItemToArray(errors, err);
	}
	emit_json_with_elements(out, root, l->nfindings, diagnostic, &e);
	cJSON_Delete(root);
	arena_release(&e.a);
	arena_release(&a);
}

const struct emitter emit_json = { "json", write_json, false };
