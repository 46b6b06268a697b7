/*
 * emit_sarif.c - findings as SARIF 2.1.0, the format GitHub code scanning
 * and other CI annotators read.  One run, one rule ("await-holding"); a
 * finding is a result at the guard's declaration, its suspension points
 * are related locations (with their note text), and the guard's fields
 * are the result's properties.  Files that did not parse are tool
 * execution notifications.
 */
#include "common.h"
#include "emit.h"
#include "diag.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

static cJSON *location(const struct src_loc *l, const char *message, int id)
{
	cJSON *loc = cJSON_CreateObject();
	if (id >= 0)
		cJSON_AddNumberToObject(loc, "id", id);
	cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
	cJSON_AddStringToObject(art, "uri", l->file ? l->file : "");
	if (l->line) {
		cJSON *region = cJSON_AddObjectToObject(phys, "region");
		cJSON_AddNumberToObject(region, "startLine", l->line);
		if (l->col)
			cJSON_AddNumberToObject(region, "startColumn", l->col);
	}
	if (message) {
		cJSON *m = cJSON_AddObjectToObject(loc, "message");
		cJSON_AddStringToObject(m, "text", message);
	}
	return loc;
}

static void add_opt(cJSON *obj, const char *key, const char *val)
{
	if (val)
		cJSON_AddStringToObject(obj, key, val);
}

static void write_sarif(FILE *out, const struct diag_list *l)
{
	struct arena a;
	cJSON *root = cJSON_CreateObject();
	char *text;

	arena_init(&a);
	cJSON_AddStringToObject(root, "$schema",
				"https://json.schemastore.org/sarif-2.1.0.json");
	cJSON_AddStringToObject(root, "version", "2.1.0");
	cJSON *runs = cJSON_AddArrayToObject(root, "runs");
	cJSON *run = cJSON_CreateObject();
	cJSON_AddItemToArray(runs, run);

	cJSON *driver = cJSON_AddObjectToObject(
		cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "await-holding");
	cJSON_AddStringToObject(driver, "version", AWAIT_HOLDING_VERSION);
	cJSON *rule = cJSON_CreateObject();
	cJSON_AddStringToObject(rule, "id", "await-holding");
	cJSON_AddStringToObject(
		cJSON_AddObjectToObject(rule, "shortDescription"), "text",
		"a guard (lock, scope guard) is held across a suspension point");
	cJSON_AddStringToObject(
		cJSON_AddObjectToObject(rule, "defaultConfiguration"), "level",
		"warning");
	cJSON_AddItemToArray(cJSON_AddArrayToObject(driver, "rules"), rule);

	cJSON *results = cJSON_AddArrayToObject(run, "results");
	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "ruleId", "await-holding");
		cJSON_AddNumberToObject(r, "ruleIndex", 0);
		cJSON_AddStringToObject(r, "level", "warning");
		const char *msg = diag_warning_text(&a, f);
		if (f->reason)
			msg = arena_printf(&a, "%s. %s", msg,
					   diag_reason_text(&a, f));
		cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "message"),
					"text", msg);
		cJSON *locs = cJSON_AddArrayToObject(r, "locations");
		cJSON_AddItemToArray(locs, location(&f->loc, NULL, -1));
		cJSON *rel = cJSON_AddArrayToObject(r, "relatedLocations");
		for (size_t k = 0; k < f->nsusp; k++)
			cJSON_AddItemToArray(rel, location(&f->susp[k].loc,
							   diag_note_text(&a, &f->susp[k]),
							   (int)k));
		cJSON *props = cJSON_AddObjectToObject(r, "properties");
		add_opt(props, "guardName", f->name);
		add_opt(props, "guardType", f->type);
		add_opt(props, "matched", f->matched);
		add_opt(props, "reason", f->reason);
		add_opt(props, "via", f->via);
		add_opt(props, "function", f->function);
		cJSON_AddItemToArray(results, r);
	}

	cJSON *inv = cJSON_CreateObject();
	bool ok = true; /* false when a file was not checked (exit status 3) */
	for (size_t i = 0; i < l->nproblems; i++)
		ok = ok && l->problems[i].kind != PROBLEM_ERROR;
	cJSON_AddBoolToObject(inv, "executionSuccessful", ok);
	cJSON *notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		cJSON *n = cJSON_CreateObject();
		cJSON_AddStringToObject(n, "level", problem_kind_name(p->kind));
		cJSON_AddStringToObject(cJSON_AddObjectToObject(n, "message"),
					"text", p->message);
		if (p->loc.file)
			cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"),
					     location(&p->loc, NULL, -1));
		cJSON_AddItemToArray(notes, n);
	}
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);

	text = cJSON_Print(root);
	if (!text)
		die("out of memory writing SARIF");
	fprintf(out, "%s\n", text);
	cJSON_free(text);
	cJSON_Delete(root);
	arena_release(&a);
}

const struct emitter emit_sarif = { "sarif", write_sarif };
