/*
 * emit_sarif.c - findings as SARIF 2.1.0, the format GitHub code
 * scanning and other CI annotators read.
 *
 * One run, one rule ("await-holding") with its descriptions, help and
 * help URI.  A finding is a result at the guard's declaration; its
 * suspension points are related locations, linked from the message
 * ("[suspended here by co_await](1)"); its fingerprint
 * (fingerprint.h) is a partial fingerprint; the guard's fields are the
 * result's properties.  Locations are relative to the source root
 * (uriBaseId %SRCROOT%, given in originalUriBaseIds) and percent-encoded
 * (RFC 3986); a file outside the root gets an absolute file: uri.
 * Columns are counted in Unicode code points (columnKind), converted
 * from our byte columns with the source line.  Problems (files not
 * checked, clang errors, configuration warnings) are tool execution
 * notifications, and any error or unchecked file makes the invocation
 * unsuccessful.
 */
#include "common.h"
#include "emit.h"
#include "diag.h"
#include "fingerprint.h"
#include "srcfile.h"
#include "srcroot.h"
#include "compdb.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#ifndef AH_HELP_URI
#define AH_HELP_URI "file:///usr/local/share/doc/await-holding/README.md"
#endif

/* Links from a result's message to its first related locations. */
#define MAX_LINKS 10

static const char rule_full[] =
	"A guard (a lock guard, a unique_lock, a scope guard, a tracing span "
	"scope, a C lock taken by a lock function) is alive at a point where "
	"a coroutine or fiber suspends: co_await, co_yield, or a call that "
	"may suspend. While suspended, the coroutine keeps the guard: a "
	"blocking lock stays locked (deadlock when another coroutine on the "
	"same thread wants it, or unlock on another thread after resumption), "
	"and a thread-local scope stays current for unrelated work.";

static const char rule_help_text[] =
	"End the guard's scope before the suspension point (put the critical "
	"section in its own block or function), or release it explicitly "
	"(unlock(), reset()) before co_await and take it again afterwards. "
	"Use a coroutine-aware mutex (its lock is awaited) when the critical "
	"section must span the suspension. When the suspension comes through "
	"a call, move that call out of the guarded region. Suppress a "
	"deliberate case with // NOLINT(await-holding).";

static const char rule_help_markdown[] =
	"A **guard** (`std::lock_guard`, `std::unique_lock`, a scope guard, a "
	"tracing scope, a C lock taken by a lock function) is alive at a "
	"**suspension point** (`co_await`, `co_yield`, or a call that may "
	"suspend). The suspended coroutine keeps the guard: a blocking lock "
	"stays locked and can deadlock the thread or be unlocked on another "
	"thread after resumption.\n\n"
	"How to fix:\n\n"
	"- end the guard's scope before the suspension point:\n\n"
	"  ```cpp\n"
	"  {\n"
	"    std::lock_guard lk(mu);\n"
	"    update(state);\n"
	"  }\n"
	"  co_await flush();\n"
	"  ```\n"
	"- or release it first: `lk.unlock(); co_await flush();`\n"
	"- or use a coroutine-aware mutex whose lock is awaited "
	"(`co_await mu.scoped_lock()`);\n"
	"- when the suspension comes through a call chain (`a -> b -> yield`), "
	"move the call to `a` out of the guarded region.\n\n"
	"A deliberate case is suppressed with `// NOLINT(await-holding)`.";

/* 'text' with '[', ']' and '\' escaped, as SARIF message text needs. */
static void add_plain(struct strbuf *sb, const char *text)
{
	for (const char *p = text; *p; p++) {
		if (*p == '[' || *p == ']' || *p == '\\')
			strbuf_addc(sb, '\\');
		strbuf_addc(sb, *p);
	}
}

/* Our byte column as a code point column, when the line can be read. */
static unsigned code_point_column(struct srcfiles *src, const struct src_loc *l)
{
	size_t len;
	const char *line = src ? srcfile_line(src, l->file, l->line, &len) : NULL;
	if (!line || l->col == 0)
		return l->col;
	unsigned col = 1;
	for (size_t i = 0; i + 1 < l->col && i < len; i++)
		if (((unsigned char)line[i] & 0xC0) != 0x80)
			col++;
	return col;
}

static void add_artifact(struct arena *a, cJSON *art, const char *file,
			 const struct emit_ctx *ctx)
{
	const char *rel = srcroot_relative(a, ctx->source_root, file);
	if (rel) {
		cJSON_AddStringToObject(art, "uri", srcroot_uri_path(a, rel));
		cJSON_AddStringToObject(art, "uriBaseId", "%SRCROOT%");
	} else {
		const char *abs = compdb_abspath(a, NULL, file);
		cJSON_AddStringToObject(art, "uri",
					arena_printf(a, "file://%s",
						     srcroot_uri_path(a, abs)));
	}
}

static cJSON *location(struct arena *a, const struct src_loc *l,
		       const char *message, int id, const struct emit_ctx *ctx)
{
	cJSON *loc = cJSON_CreateObject();
	if (id >= 0)
		cJSON_AddNumberToObject(loc, "id", id);
	cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
	add_artifact(a, cJSON_AddObjectToObject(phys, "artifactLocation"),
		     l->file, ctx);
	if (l->line) {
		cJSON *region = cJSON_AddObjectToObject(phys, "region");
		cJSON_AddNumberToObject(region, "startLine", l->line);
		if (l->col)
			cJSON_AddNumberToObject(region, "startColumn",
						code_point_column(ctx->src, l));
	}
	if (message)
		cJSON_AddStringToObject(cJSON_AddObjectToObject(loc, "message"),
					"text", message);
	return loc;
}

static void add_opt(cJSON *obj, const char *key, const char *val)
{
	if (val)
		cJSON_AddStringToObject(obj, key, val);
}

static void add_text(cJSON *obj, const char *key, const char *text)
{
	cJSON_AddStringToObject(cJSON_AddObjectToObject(obj, key), "text", text);
}

static cJSON *rule(void)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "id", "await-holding");
	cJSON_AddStringToObject(r, "name", "GuardHeldAcrossSuspension");
	add_text(r, "shortDescription",
		 "A guard (lock, scope guard) is held across a suspension point");
	add_text(r, "fullDescription", rule_full);
	cJSON *help = cJSON_AddObjectToObject(r, "help");
	cJSON_AddStringToObject(help, "text", rule_help_text);
	cJSON_AddStringToObject(help, "markdown", rule_help_markdown);
	cJSON_AddStringToObject(r, "helpUri",
				AH_HELP_URI "#what-is-a-guard-a-suspension-point-held");
	cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "defaultConfiguration"),
				"level", "warning");
	cJSON *props = cJSON_AddObjectToObject(r, "properties");
	cJSON *tags = cJSON_AddArrayToObject(props, "tags");
	cJSON_AddItemToArray(tags, cJSON_CreateString("concurrency"));
	cJSON_AddItemToArray(tags, cJSON_CreateString("coroutines"));
	cJSON_AddItemToArray(tags, cJSON_CreateString("correctness"));
	cJSON_AddStringToObject(props, "precision", "high");
	cJSON_AddStringToObject(props, "problem.severity", "warning");
	return r;
}

/* "W: [note 1](1), [note 2](2) and 3 more. reason: R" */
static const char *result_message(struct arena *a, const struct finding *f)
{
	struct strbuf sb;
	strbuf_init(&sb);
	add_plain(&sb, diag_warning_text(a, f));
	for (size_t k = 0; k < f->nsusp && k < MAX_LINKS; k++) {
		strbuf_adds(&sb, k ? ", [" : ": [");
		add_plain(&sb, diag_note_text(a, &f->susp[k]));
		strbuf_addf(&sb, "](%zu)", k + 1);
	}
	if (f->nsusp > MAX_LINKS)
		strbuf_addf(&sb, " and %zu more", f->nsusp - MAX_LINKS);
	if (f->reason) {
		strbuf_adds(&sb, ". ");
		add_plain(&sb, diag_reason_text(a, f));
	}
	const char *msg = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return msg;
}

static cJSON *result(struct arena *a, const struct finding *f,
		     const char *fp, const struct emit_ctx *ctx)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "ruleId", "await-holding");
	cJSON_AddNumberToObject(r, "ruleIndex", 0);
	cJSON_AddStringToObject(r, "level", "warning");
	add_text(r, "message", result_message(a, f));
	cJSON *locs = cJSON_AddArrayToObject(r, "locations");
	cJSON *loc = location(a, &f->loc, NULL, -1, ctx);
	if (f->function) {
		cJSON *logical = cJSON_CreateObject();
		cJSON_AddStringToObject(logical, "fullyQualifiedName", f->function);
		cJSON_AddStringToObject(logical, "kind", "function");
		cJSON_AddItemToArray(cJSON_AddArrayToObject(loc, "logicalLocations"),
				     logical);
	}
	cJSON_AddItemToArray(locs, loc);
	cJSON *rel = cJSON_AddArrayToObject(r, "relatedLocations");
	for (size_t k = 0; k < f->nsusp; k++)
		cJSON_AddItemToArray(rel, location(a, &f->susp[k].loc,
						   diag_note_text(a, &f->susp[k]),
						   (int)(k + 1), ctx));
	cJSON_AddStringToObject(cJSON_AddObjectToObject(r, "partialFingerprints"),
				FINGERPRINT_KEY, fp);
	cJSON *props = cJSON_AddObjectToObject(r, "properties");
	add_opt(props, "guardName", f->name);
	add_opt(props, "guardType", f->type);
	add_opt(props, "matched", f->matched);
	add_opt(props, "reason", f->reason);
	add_opt(props, "via", f->via);
	add_opt(props, "function", f->function);
	add_opt(props, "instance", f->instance);
	return r;
}

struct elements {
	const struct diag_list *l;
	const char **fps;
	const struct emit_ctx *ctx;
	struct arena a;       /* one element's texts; reset for each */
};

/* The element of "results" for finding 'i'. */
static cJSON *element(size_t i, void *arg)
{
	struct elements *e = arg;
	arena_release(&e->a);
	return result(&e->a, &e->l->findings[i], e->fps[i], e->ctx);
}

static cJSON *notification(struct arena *a, const struct problem *p,
			   const struct emit_ctx *ctx)
{
	cJSON *n = cJSON_CreateObject();
	cJSON_AddStringToObject(n, "level", problem_kind_name(p->kind));
	add_text(n, "message", p->message);
	if (p->loc.file)
		cJSON_AddItemToArray(cJSON_AddArrayToObject(n, "locations"),
				     location(a, &p->loc, NULL, -1, ctx));
	return n;
}

static void write_sarif(FILE *out, const struct diag_list *l,
			const struct emit_ctx *ctx)
{
	struct arena a;
	cJSON *root = cJSON_CreateObject();

	arena_init(&a);
	cJSON_AddStringToObject(root, "$schema",
				"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
	cJSON_AddStringToObject(root, "version", "2.1.0");
	cJSON *run = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "runs"), run);

	cJSON *driver = cJSON_AddObjectToObject(
		cJSON_AddObjectToObject(run, "tool"), "driver");
	cJSON_AddStringToObject(driver, "name", "await-holding");
	cJSON_AddStringToObject(driver, "version", AWAIT_HOLDING_VERSION);
	cJSON_AddStringToObject(driver, "semanticVersion", AWAIT_HOLDING_VERSION);
	cJSON_AddStringToObject(driver, "informationUri", AH_HELP_URI);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(driver, "rules"), rule());

	const char *root_dir = ctx->source_root ? ctx->source_root
						: compdb_abspath(&a, NULL, ".");
	const char *root_uri = strcmp(root_dir, "/")
		? arena_printf(&a, "file://%s/", srcroot_uri_path(&a, root_dir))
		: "file:///";
	cJSON *base = cJSON_AddObjectToObject(
		cJSON_AddObjectToObject(run, "originalUriBaseIds"), "%SRCROOT%");
	cJSON_AddStringToObject(base, "uri", root_uri);
	add_text(base, "description", "the source root (--source-root)");
	cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");

	struct elements e = { l, fingerprint_all(&a, l, ctx->source_root, ctx->src),
			      ctx, { 0 } };
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "results"),
			     cJSON_CreateString(EMIT_SLOT));

	bool ok = !ctx->incomplete;
	cJSON *inv = cJSON_CreateObject();
	cJSON *notes = cJSON_AddArrayToObject(inv, "toolExecutionNotifications");
	for (size_t i = 0; i < l->nproblems; i++) {
		if (l->problems[i].kind == PROBLEM_ERROR)
			ok = false;
		cJSON_AddItemToArray(notes, notification(&a, &l->problems[i], ctx));
	}
	cJSON_AddBoolToObject(inv, "executionSuccessful", ok);
	cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), inv);

	arena_init(&e.a);
	emit_json_with_elements(out, root, l->nfindings, element, &e);
	cJSON_Delete(root);
	arena_release(&e.a);
	arena_release(&a);
}

const struct emitter emit_sarif = { "sarif", write_sarif, false };
