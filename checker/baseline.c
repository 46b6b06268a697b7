/*
 * baseline.c - read, apply and write baselines (baseline.h).  The file
 * is parsed with json.c (errors at their line and column) and converted
 * at once; no cJSON node outlives baseline_load().
 */
#include "common.h"
#include "baseline.h"
#include "diag.h"
#include "json.h"
#include "srcroot.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int not_baseline(const struct json_doc *d, const cJSON *node,
			const char *why)
{
	return json_doc_error(d, node, "not an await-holding baseline: %s", why);
}

int baseline_load(struct baseline *b, const char *path)
{
	int ret = -1;
	char *text;
	struct json_doc doc;

	memset(b, 0, sizeof(*b));
	arena_init(&b->arena);
	if (!(text = read_file(path, NULL)))
		return error("cannot read baseline '%s': %s", path, strerror(errno));
	if (json_doc_parse(&doc, path, text) < 0) {
		free(text);
		return -1;
	}
	const cJSON *root = doc.root;
	const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "tool");
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "findings");
	if (!cJSON_IsString(tool) || strcmp(tool->valuestring, "await-holding") ||
	    !cJSON_IsArray(list)) {
		not_baseline(&doc, root, "expected {\"tool\": \"await-holding\", \"findings\": [...]}");
		goto out;
	}
	const cJSON *e;
	cJSON_ArrayForEach(e, list) {
		const cJSON *fp = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
		if (!cJSON_IsString(fp)) {
			not_baseline(&doc, e, "a finding has no \"fingerprint\" string");
			goto out;
		}
		struct strmap_slot *s = strmap_find(&b->known, fp->valuestring, false);
		if (!s) {
			s = strmap_find(&b->known,
					arena_strdup(&b->arena, fp->valuestring), true);
			s->val = (void *)1;
			b->n++;
		}
	}
	ret = 0;
out:
	json_doc_release(&doc);
	free(text);
	return ret;
}

void baseline_release(struct baseline *b)
{
	strmap_release(&b->known);
	arena_release(&b->arena);
}

size_t baseline_filter(const struct baseline *b, struct diag_list *l,
		       const char **fps)
{
	size_t kept = 0;
	struct strmap *known = (struct strmap *)&b->known;
	for (size_t i = 0; i < l->nfindings; i++) {
		if (strmap_find(known, fps[i], false))
			continue;
		l->findings[kept] = l->findings[i];
		fps[kept] = fps[i];
		kept++;
	}
	size_t removed = l->nfindings - kept;
	l->nfindings = kept;
	return removed;
}

int baseline_write(const char *path, const struct diag_list *l,
		   const char **fps, const char *root)
{
	struct arena a;
	cJSON *doc = cJSON_CreateObject();
	int ret = 0;

	arena_init(&a);
	cJSON_AddStringToObject(doc, "tool", "await-holding");
	cJSON_AddNumberToObject(doc, "version", 1);
	cJSON *list = cJSON_AddArrayToObject(doc, "findings");
	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		const char *rel = srcroot_relative(&a, root, f->loc.file);
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "fingerprint", fps[i]);
		cJSON_AddStringToObject(e, "file", rel ? rel : f->loc.file);
		cJSON_AddNumberToObject(e, "line", f->loc.line);
		cJSON_AddStringToObject(e, "message", diag_warning_text(&a, f));
		cJSON_AddItemToArray(list, e);
	}
	char *text = cJSON_Print(doc);
	if (!text)
		die("out of memory writing a baseline");
	FILE *out = fopen(path, "w");
	if (!out || fprintf(out, "%s\n", text) < 0 || ferror(out)) {
		ret = error("cannot write baseline '%s': %s", path, strerror(errno));
		if (out)
			fclose(out);
	} else if (fclose(out) != 0) {
		ret = error("cannot write baseline '%s': %s", path, strerror(errno));
	}
	cJSON_free(text);
	cJSON_Delete(doc);
	arena_release(&a);
	return ret;
}
