/*
 * fuzz_toml.c - libFuzzer harness for the TOML reader (toml.c).
 *
 * Each input is a TOML document, given to toml_parse() as bytes (no NUL
 * needed).  On success every value of the tree is visited and its key
 * looked up again with toml_get(); on failure the error's position must
 * lie inside the document.  Built with -DAH_FUZZ=ON (see fuzz/README.md).
 */
#include "common.h"
#include "arena.h"
#include "toml.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Visit every value; check what a reader relies on.  Returns the count. */
static size_t visit(const struct toml_value *v, unsigned depth)
{
	size_t n = 1;
	if (!v || depth > TOML_MAX_DEPTH + 2)
		abort();
	if (v->pos.line == 0 || v->pos.col == 0)
		abort();
	if (v->kind == TOML_STRING && v->u.str.s[v->u.str.len] != '\0')
		abort();
	if (v->kind == TOML_ARRAY)
		for (size_t i = 0; i < v->u.arr.n; i++)
			n += visit(v->u.arr.items[i], depth + 1);
	if (v->kind == TOML_TABLE)
		for (size_t i = 0; i < v->u.tab.n; i++) {
			const struct toml_kv *kv = &v->u.tab.items[i];
			if (strlen(kv->key) == kv->key_len &&
			    toml_get(v, kv->key) == NULL)
				abort();
			n += visit(kv->value, depth + 1);
		}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct toml_value *root = NULL;
	struct toml_error err;

	arena_init(&a);
	if (toml_parse(&a, (const char *)data, size, &root, &err) == 0) {
		if (root->kind != TOML_TABLE)
			abort();
		visit(root, 0);
	} else {
		unsigned lines = 1;
		for (size_t i = 0; i < size; i++)
			lines += data[i] == '\n';
		if (err.line == 0 || err.line > lines || err.col == 0 ||
		    !memchr(err.msg, '\0', sizeof(err.msg)))
			abort();
	}
	arena_release(&a);
	return 0;
}
