/*
 * conf.h - a configuration document as one neutral tree, whatever it was
 * written in.
 *
 * conf_read() reads TOML (through toml.c) or JSON (through json.c and
 * cJSON) into the same tree of struct conf_value, each value and each
 * key with the line and column it was written at, so that the schema
 * (rules_load.c) is checked once and TOML and JSON users get the same
 * messages.  Nothing of toml.c's or cJSON's types shows here.
 *
 * JSON is read as strictly as TOML: invalid UTF-8, "\u0000" and
 * duplicate keys are errors in both (TOML allows "\u0000" in strings; the
 * schema refuses it where it matters).
 */
#ifndef AWAIT_HOLDING_CONF_H
#define AWAIT_HOLDING_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* ORDER CONF_KIND: keep kind_names[] in conf.c in step. */
enum conf_kind {
	CONF_STRING,
	CONF_INTEGER,
	CONF_FLOAT,
	CONF_BOOL,
	CONF_DATETIME, /* TOML only: dates and times (the schema has none) */
	CONF_ARRAY,
	CONF_TABLE,    /* a TOML table or a JSON object */
	CONF_NULL,     /* JSON only */
};

struct conf_pos {
	unsigned line, col; /* 1-based; col counts bytes; 0/0 if unknown */
};

struct conf_member {
	const char *key;          /* NUL-terminated, holds no NUL */
	struct conf_pos key_pos;  /* where the key is written */
	struct conf_value *value;
};

struct conf_value {
	enum conf_kind kind;
	struct conf_pos pos;      /* where the value starts (see toml.h for
				     tables made by a [header]) */
	const char *datetime;     /* CONF_DATETIME: which one, as TOML names
				     it ("local date", ...) */
	union {
		struct {
			const char *s; /* UTF-8, NUL-terminated */
			size_t len;    /* TOML strings may hold NUL
					  ("\u0000"): then len > strlen(s) */
		} str;            /* CONF_STRING */
		int64_t i;        /* CONF_INTEGER */
		double f;         /* CONF_FLOAT */
		bool b;           /* CONF_BOOL */
		struct {
			struct conf_value **items;
			size_t n;
		} arr;            /* CONF_ARRAY */
		struct {
			struct conf_member *items; /* in document order */
			size_t n;
		} tab;            /* CONF_TABLE */
	} u;
};

/*
 * Read 'text' (NUL-terminated) as
 * JSON if 'json', else TOML, into a tree allocated in 'a'.  'path' names
 * the document in messages.  The root is a table: a JSON document whose
 * top level is not an object is an error.  Returns 0 and sets '*root',
 * or -1 after printing the first error compiler-style
 * ("path:line:col: error: ...", the line and a caret).  Neither 'text'
 * nor 'path' is referenced by the tree.
 */
int conf_read(struct arena *a, const char *path, const char *text, bool json,
	      struct conf_value **root);

/* The value of 'key' in the table 'table', or NULL. */
const struct conf_value *conf_get(const struct conf_value *table,
				  const char *key);

/*
 * What a value is, for "expected X, found Y" messages: "a string", "an
 * integer", "a float", "a boolean", "an array", "a table", "a null",
 * "an offset date-time" ...
 */
const char *conf_article(const struct conf_value *v);
const char *conf_kind_name(const struct conf_value *v);

#endif
