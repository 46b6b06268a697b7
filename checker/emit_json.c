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

static void write_json(FILE *out, const struct diag_list *l,
		       const struct emit_ctx *ctx)
{
	struct arena a;
	cJSON *root = cJSON_CreateObject();
	cJSON *diags, *errors;
	char *text;

	arena_init(&a);
	const char **fps = fingerprint_all(&a, l, ctx->source_root, ctx->src);
	cJSON_AddStringToObject(root, "version", AWAIT_HOLDING_VERSION);
	diags = cJSON_AddArrayToObject(root, "diagnostics");
	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		cJSON *d = cJSON_CreateObject(), *g, *ss;
		add_loc(d, &f->loc);
		add_str(d, "severity", "warning");
		add_str(d, "message", diag_warning_text(&a, f));
		add_str(d, "check", "await-holding");
		add_str(d, "function", f->function);
		add_str(d, "fingerprint", fps[i]);
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
			add_str(s, "message", diag_note_text(&a, &f->susp[k]));
			cJSON_AddItemToArray(ss, s);
		}
		cJSON_AddItemToArray(diags, d);
	}
	errors = cJSON_AddArrayToObject(root, "errors");
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		cJSON *e = cJSON_CreateObject();
		add_loc(e, &p->loc);
		add_str(e, "severity", problem_kind_name(p->kind));
		add_str(e, "message", p->message);
		cJSON_AddItemToArray(errors, e);
	}
	text = cJSON_Print(root);
	if (!text)
		die("out of memory writing JSON");
	fprintf(out, "%s\n", text);
	cJSON_free(text);
	cJSON_Delete(root);
	arena_release(&a);
}

const struct emitter emit_json = { "json", write_json, false };
