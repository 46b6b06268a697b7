/*
 * toml.h - TOML 1.0 parser: text -> a tree of struct toml_value.
 *
 * rules.c reads the config file and the rule packs through this module.
 * It implements all of TOML 1.0.0 (https://toml.io/en/v1.0.0), not a
 * subset, and rejects every document that the specification rejects:
 * bad UTF-8, control characters, duplicate keys, tables defined twice,
 * inline tables extended afterwards, integers that do not fit in 64
 * bits, impossible dates and so on.  The first error stops the parse and
 * is reported with its line and column.
 *
 * Everything the parser builds lives in one arena, so the tree is freed
 * with it.  The text may be freed as soon as toml_parse() returns: no
 * pointer into it is kept.
 *
 * Where the specification leaves room, or its prose and its ABNF
 * disagree, this parser:
 *
 *  - skips a UTF-8 byte order mark at the very start of the text;
 *  - returns every newline in a multi-line string as "\n", CRLF too;
 *  - accepts second 60 (a leap second) in any time, and year 0000;
 *  - keeps 9 digits of fractional seconds and truncates the rest;
 *  - rejects a float literal too big for a double ("float out of
 *    range"); one too small becomes 0 or a subnormal;
 *  - rejects DEL in comments, as the prose says (the ABNF allows it);
 *  - lets dotted keys go through a table that a header made implicitly
 *    ("[a.b.c]", then "b.d = 1" under "[a]"); like any table that
 *    dotted keys went through, it can no longer get a [header];
 *  - rejects tables and arrays nested deeper than TOML_MAX_DEPTH.
 *
 * Reading the tree: a table's keys are in document order (u.tab.items);
 * toml_get() finds one key.  Keys and strings are NUL-terminated for
 * convenience but may contain NUL themselves ("\u0000"), so 'len' and
 * 'key_len' are the truth.  Tree depth is at most TOML_MAX_DEPTH, so a
 * recursive walk over it is safe.
 */
#ifndef AWAIT_HOLDING_TOML_H
#define AWAIT_HOLDING_TOML_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* Deepest nesting of tables and arrays accepted; deeper is an error. */
#define TOML_MAX_DEPTH 128

/* ORDER TOML_KIND: keep kind_names[] in toml.c in step. */
enum toml_kind {
	TOML_STRING,
	TOML_INTEGER,
	TOML_FLOAT,
	TOML_BOOL,
	TOML_OFFSET_DATETIME, /* 1979-05-27T07:32:00-08:00 */
	TOML_LOCAL_DATETIME,  /* 1979-05-27T07:32:00 */
	TOML_LOCAL_DATE,      /* 1979-05-27 */
	TOML_LOCAL_TIME,      /* 07:32:00 */
	TOML_ARRAY,
	TOML_TABLE,
};

struct toml_pos {
	unsigned line, col; /* 1-based; col counts bytes, not characters */
};

/*
 * A date, a time or both.  Which fields mean something depends on the
 * kind: dates use year/month/day, times use hour/minute/second and
 * nanosecond, and only TOML_OFFSET_DATETIME has an offset.  Fields that
 * do not apply are 0.  Values are already range-checked (month 1-12, day
 * within the month, second 0-60 to allow a leap second).
 */
struct toml_datetime {
	int year, month, day;
	int hour, minute, second;
	long nanosecond;    /* the fraction; digits past 9 are truncated */
	int frac_digits;    /* digits written after '.', at most 9; 0 = none */
	int has_offset;     /* 1 for TOML_OFFSET_DATETIME */
	int offset_minutes; /* east of UTC: "-08:00" is -480; "Z" is 0 */
};

struct toml_kv {
	const char *key;         /* the key part naming this entry, decoded */
	size_t key_len;
	struct toml_pos key_pos; /* where that key part is written */
	struct toml_value *value;
};

struct toml_value {
	enum toml_kind kind;
	/*
	 * Where the value starts.  For a table: its [header], its '{', or
	 * the key part that created it implicitly ("a" in "[a.b]" or in
	 * "a.b = 1").  For an array of tables: its first [[header]]; each
	 * element table: its own [[header]].
	 */
	struct toml_pos pos;
	union {
		struct {
			const char *s; /* UTF-8, NUL-terminated; may hold NUL */
			size_t len;
		} str;
		int64_t i;
		double f;
		int b;
		struct toml_datetime dt;
		struct {
			struct toml_value **items;
			size_t n;
		} arr;
		struct {
			struct toml_kv *items; /* in document order */
			size_t n;
		} tab;
	} u;
	/*
	 * The parser's bookkeeping on how a table or array was defined
	 * (see toml.c); readers have no use for it.
	 */
	struct {
		unsigned flags;       /* F_* in toml.c */
		unsigned dotted_in;   /* dotted keys' section, or 0 */
		unsigned dotted_line; /* where that happened */
		unsigned depth;       /* 0 for the root table */
		size_t cap;           /* room in u.arr.items or u.tab.items */
	} priv;
};

struct toml_error {
	unsigned line, col; /* 1-based, col in bytes: the offending character */
	char msg[256];      /* e.g. "expected '=' after key, found newline" */
};

/*
 * Parse 'text' ('len' bytes, need not be NUL-terminated; a NUL byte in
 * it is an error).  A UTF-8 byte order mark at the very start is
 * skipped.  Everything is allocated in 'a' and stays valid until 'a' is
 * released.
 *
 * Returns 0 and sets '*root' to the root table, or -1 and fills '*err'
 * with where the first error is and what was expected there, e.g.
 * "duplicate key 'x' (first defined at line 3)".  'err' may be NULL;
 * '*err' is untouched on success and '*root' on failure.  The caller
 * prints the error, for instance with report_at(path, text, err.line,
 * err.col, 1, "error", "%s", err.msg).
 *
 * Time is linear in 'len'; recursion is bounded by TOML_MAX_DEPTH.
 * Floats are converted with strtod() whatever LC_NUMERIC says.
 */
int toml_parse(struct arena *a, const char *text, size_t len,
	       struct toml_value **root, struct toml_error *err);

/*
 * The value of 'key' (a single key, not a dotted path) in 'table', or
 * NULL if there is none or 'table' is NULL or not a table.  Linear in
 * the size of the table.
 */
const struct toml_value *toml_get(const struct toml_value *table,
				  const char *key);

/*
 * The name of a kind as the TOML specification spells it, for messages:
 * "string", "integer", "float", "boolean", "offset date-time",
 * "local date-time", "local date", "local time", "array", "table".
 */
const char *toml_kind_name(enum toml_kind k);

#endif
