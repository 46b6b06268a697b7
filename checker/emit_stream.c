/*
 * emit_stream.c - a JSON document whose big array is printed element by
 * element (emit.h): the document around the array is printed once with a
 * placeholder string in the array, and the text is written up to it,
 * then each element in turn, indented as cJSON_Print() indents at that
 * depth (the output is the same as one cJSON_Print() of the whole), then
 * the rest.  cJSON escapes the placeholder's control
 * characters as \u0001, which no other string of ours can print:
 * messages and names are made printable when they enter the findings.
 */
#include "common.h"
#include "emit.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <string.h>

/* 'text' with 'indent' tabs after each newline. */
static void write_indented(FILE *out, const char *text, size_t indent)
{
	for (const char *p = text; *p; p++) {
		fputc(*p, out);
		if (*p == '\n')
			for (size_t k = 0; k < indent; k++)
				fputc('\t', out);
	}
}

void emit_json_with_elements(FILE *out, const struct cJSON *root, size_t n,
			     struct cJSON *(*item)(size_t i, void *arg),
			     void *arg)
{
	char *text = cJSON_Print(root);
	if (!text)
		die("out of memory writing JSON");
	const char *slot = strstr(text, "\"\\u0001await-holding-elements\\u0001\"");
	if (!slot)
		BUG("no element slot in the JSON document");
	/* cJSON indents an array's objects one level deeper than the line
	 * the array starts on */
	const char *line = slot;
	while (line > text && line[-1] != '\n')
		line--;
	size_t indent = 1;
	while (line[indent - 1] == '\t')
		indent++;
	fwrite(text, 1, (size_t)(slot - text), out);
	for (size_t i = 0; i < n; i++) {
		cJSON *e = item(i, arg);
		char *t = cJSON_Print(e);
		if (!t)
			die("out of memory writing JSON");
		if (i)
			fputs(", ", out);
		write_indented(out, t, indent);
		cJSON_free(t);
		cJSON_Delete(e);
	}
	fputs(slot + strlen("\"\\u0001await-holding-elements\\u0001\""), out);
	fputc('\n', out);
	cJSON_free(text);
}
