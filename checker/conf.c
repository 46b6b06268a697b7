/*
 * conf.c - TOML or JSON -> one tree of struct conf_value (see conf.h).
 *
 * Both readers parse with their own module first (toml.c, json.c) and
 * then copy the result into the neutral tree, positions included; the
 * parsers' own trees are freed before conf_read() returns.
 */
#include "common.h"
#include "conf.h"
#include "arena.h"
#include "json.h"
#include "toml.h"
#include "util.h"

#include <string.h>

/* ---- from TOML ----------------------------------------------------------- */

static struct conf_pos pos_of(struct toml_pos p)
{
	struct conf_pos c = { p.line, p.col };
	return c;
}

/* Copy 'v' into 'a'; recursion is bounded by TOML_MAX_DEPTH. */
static struct conf_value *from_toml(const struct toml_value *v,
				    struct arena *a)
{
	struct conf_value *c = arena_alloc(a, sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->pos = pos_of(v->pos);
	switch (v->kind) {
	case TOML_STRING:
		c->kind = CONF_STRING;
		c->u.str.s = arena_memdup(a, v->u.str.s, v->u.str.len + 1);
		c->u.str.len = v->u.str.len;
		break;
	case TOML_INTEGER:
		c->kind = CONF_INTEGER;
		c->u.i = v->u.i;
		break;
	case TOML_FLOAT:
		c->kind = CONF_FLOAT;
		c->u.f = v->u.f;
		break;
	case TOML_BOOL:
		c->kind = CONF_BOOL;
		c->u.b = v->u.b != 0;
		break;
	case TOML_OFFSET_DATETIME:
	case TOML_LOCAL_DATETIME:
	case TOML_LOCAL_DATE:
	case TOML_LOCAL_TIME:
		c->kind = CONF_DATETIME;
		c->datetime = toml_kind_name(v->kind);
		break;
	case TOML_ARRAY:
		c->kind = CONF_ARRAY;
		c->u.arr.n = v->u.arr.n;
		c->u.arr.items = arena_alloc(a, v->u.arr.n * sizeof(*c->u.arr.items));
		for (size_t i = 0; i < v->u.arr.n; i++)
			c->u.arr.items[i] = from_toml(v->u.arr.items[i], a);
		break;
	case TOML_TABLE:
		c->kind = CONF_TABLE;
		c->u.tab.n = v->u.tab.n;
		c->u.tab.items = arena_alloc(a, v->u.tab.n * sizeof(*c->u.tab.items));
		for (size_t i = 0; i < v->u.tab.n; i++) {
			const struct toml_kv *kv = &v->u.tab.items[i];
			struct conf_member *m = &c->u.tab.items[i];
			m->key = arena_strdup(a, kv->key);
			m->key_pos = pos_of(kv->key_pos);
			m->value = from_toml(kv->value, a);
		}
		break;
	}
	return c;
}

static int read_toml(struct arena *a, const char *path, const char *text,
		     struct conf_value **root)
{
	struct arena tmp;
	struct toml_value *t;
	struct toml_error err;
	int ret = 0;

	arena_init(&tmp);
	if (toml_parse(&tmp, text, strlen(text), &t, &err) < 0)
		ret = report_at(path, text, err.line, err.col, 1, "error",
				"%s", err.msg);
	else
		*root = from_toml(t, a);
	arena_release(&tmp);
	return ret;
}

/* ---- from JSON ----------------------------------------------------------- */

/*
 * A JSON number as an integer when it is one and fits in 64 bits (the
 * range check comes first: casting an out-of-range double is undefined).
 */
static void json_number(struct conf_value *c, double d)
{
	if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 &&
	    d == (double)(int64_t)d) {
		c->kind = CONF_INTEGER;
		c->u.i = (int64_t)d;
	} else {
		c->kind = CONF_FLOAT;
		c->u.f = d;
	}
}

/* Copy 'n' into 'a'; recursion is bounded by cJSON's nesting limit. */
static struct conf_value *from_json(const struct json_doc *jd, const cJSON *n,
				    struct arena *a)
{
	struct conf_value *c = arena_alloc(a, sizeof(*c));
	size_t count = 0;
	const cJSON *k;

	memset(c, 0, sizeof(*c));
	json_doc_pos(jd, n, &c->pos.line, &c->pos.col);
	if (cJSON_IsString(n)) {
		c->kind = CONF_STRING;
		c->u.str.s = arena_strdup(a, n->valuestring);
		c->u.str.len = strlen(n->valuestring);
	} else if (cJSON_IsBool(n)) {
		c->kind = CONF_BOOL;
		c->u.b = cJSON_IsTrue(n);
	} else if (cJSON_IsNumber(n)) {
		json_number(c, n->valuedouble);
	} else if (cJSON_IsArray(n)) {
		c->kind = CONF_ARRAY;
		cJSON_ArrayForEach(k, n)
			count++;
		c->u.arr.items = arena_alloc(a, count * sizeof(*c->u.arr.items));
		cJSON_ArrayForEach(k, n)
			c->u.arr.items[c->u.arr.n++] = from_json(jd, k, a);
	} else if (cJSON_IsObject(n)) {
		c->kind = CONF_TABLE;
		cJSON_ArrayForEach(k, n)
			count++;
		c->u.tab.items = arena_alloc(a, count * sizeof(*c->u.tab.items));
		cJSON_ArrayForEach(k, n) {
			struct conf_member *m = &c->u.tab.items[c->u.tab.n++];
			m->key = arena_strdup(a, k->string ? k->string : "");
			json_doc_key_pos(jd, k, &m->key_pos.line,
					 &m->key_pos.col);
			m->value = from_json(jd, k, a);
		}
	} else {
		c->kind = CONF_NULL;
	}
	return c;
}

static int read_json(struct arena *a, const char *path, const char *text,
		     struct conf_value **root)
{
	struct json_doc jd;
	int ret = 0;

	if (json_doc_parse_opts(&jd, path, text, JSON_STRICT) < 0)
		return -1;
	if (!cJSON_IsObject(jd.root)) {
		unsigned line, col;
		json_doc_pos(&jd, jd.root, &line, &col);
		ret = report_at(path, jd.text, line, col, 1, "error",
				"expected an object at the top level, found %s",
				json_type_name(jd.root));
	} else {
		*root = from_json(&jd, jd.root, a);
	}
	json_doc_release(&jd);
	return ret;
}

/* ---- reading ------------------------------------------------------------- */

int conf_read(struct arena *a, const char *path, const char *text, bool json,
	      struct conf_value **root)
{
	return json ? read_json(a, path, text, root)
		    : read_toml(a, path, text, root);
}

const struct conf_value *conf_get(const struct conf_value *table,
				  const char *key)
{
	if (!table || table->kind != CONF_TABLE)
		return NULL;
	for (size_t i = 0; i < table->u.tab.n; i++)
		if (!strcmp(table->u.tab.items[i].key, key))
			return table->u.tab.items[i].value;
	return NULL;
}

/* ORDER CONF_KIND */
static const char *const kind_names[] = {
	"string", "integer", "float", "boolean", "date-time", "array",
	"table", "null",
};

const char *conf_kind_name(const struct conf_value *v)
{
	return v->kind == CONF_DATETIME ? v->datetime : kind_names[v->kind];
}

const char *conf_article(const struct conf_value *v)
{
	switch (v->kind) {
	case CONF_ARRAY:
	case CONF_INTEGER:
	case CONF_DATETIME:
		return "an";
	default:
		return "a";
	}
}
