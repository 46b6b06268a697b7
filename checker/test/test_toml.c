/*
 * test_toml.c - unit and conformance tests for toml.c.
 *
 * Usage: test_toml DIR, where DIR is checker/test/toml.  Runs:
 *
 *  1. unit tests of the API written inline below: positions of values
 *     and keys, toml_get(), the datetime fields, errors with their
 *     positions and messages, and inputs that are awkward to keep in
 *     files (CRLF, NUL, bad UTF-8, a byte order mark, very big or very
 *     deep documents);
 *  2. the conformance set: every DIR/valid/NAME.toml must parse, and its
 *     tree, printed in the toml-test tagged JSON format, must equal
 *     DIR/valid/NAME.json; every DIR/invalid/NAME.toml must fail, at
 *     the position given by a first line "# error: LINE:COL" if it has
 *     one (followed, optionally, by a substring of the message).
 *
 * Both sides of a comparison are printed in one canonical form (keys
 * sorted, no whitespace, numbers and datetimes normalised) so that the
 * expectation files may be written by hand or by any tool.  See
 * DIR/README.md.  Prints each failure; exits 1 if there was any.
 */
#include "common.h"
#include "../toml.h"
#include "../arena.h"
#include "../util.h"
#include "test.h"
#include "../conf.h"

#include <dirent.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Helpers for the unit tests.
 */
static struct arena arena;

/* Parse 'doc', which must succeed; NULL (and a failure) if it does not. */
static const struct toml_value *parse_n(const char *doc, size_t len, int line)
{
	struct toml_value *root = NULL;
	struct toml_error err;

	test_checks++;
	if (toml_parse(&arena, doc, len, &root, &err) == 0)
		return root;
	test_failures++;
	printf("test_toml.c:%d: unexpected error %u:%u: %s\n", line, err.line,
	       err.col, err.msg);
	return NULL;
}
#define PARSE(doc) parse_n((doc), strlen(doc), __LINE__)
#define PARSE_N(doc, n) parse_n((doc), (n), __LINE__)

/* Parse 'doc', which must fail at line:col with 'msg' in the message. */
static void fail_n(const char *doc, size_t len, unsigned line, unsigned col,
		   const char *msg, int src_line)
{
	struct toml_value *root = NULL;
	struct toml_error err;

	test_checks++;
	if (toml_parse(&arena, doc, len, &root, &err) == 0) {
		test_failures++;
		printf("test_toml.c:%d: parse succeeded but should fail\n",
		       src_line);
		return;
	}
	if (err.line != line || err.col != col || !strstr(err.msg, msg)) {
		test_failures++;
		printf("test_toml.c:%d: expected %u:%u: ...%s...\n"
		       "                 got      %u:%u: %s\n",
		       src_line, line, col, msg, err.line, err.col, err.msg);
	}
}
#define FAIL(doc, line, col, msg) \
	fail_n((doc), strlen(doc), (line), (col), (msg), __LINE__)
#define FAIL_N(doc, n, line, col, msg) \
	fail_n((doc), (n), (line), (col), (msg), __LINE__)

/* Follow a path of single keys ("a", "b", NULL) from 't'. */
static const struct toml_value *get(const struct toml_value *t, ...)
{
	va_list ap;
	const char *k;

	va_start(ap, t);
	while (t && (k = va_arg(ap, const char *)))
		t = toml_get(t, k);
	va_end(ap);
	return t;
}

static const struct toml_kv *kv_at(const struct toml_value *t, size_t k)
{
	return t && t->kind == TOML_TABLE && k < t->u.tab.n ? &t->u.tab.items[k]
							    : NULL;
}

/*
 * Unit tests.
 */
static void test_positions(void)
{
	const char *doc = "# comment\n"           /* 1 */
			  "a = 1\n"               /* 2 */
			  "  b.c = 'x'\n"         /* 3 */
			  "[t]\n"                 /* 4 */
			  "arr = [1,\n"           /* 5 */
			  "  2]\n"                /* 6 */
			  "[[aot]]\n"             /* 7 */
			  "[[aot]]\n"             /* 8 */
			  "[ x . y.z ]\n"         /* 9 */
			  "inl = { k = 1 }\n"     /* 10 */
			  "[x.y]\n"               /* 11 */
			  "s = \"\"\"\nab\"\"\"\n"; /* 12, 13 */
	const struct toml_value *r = PARSE(doc), *v;
	const struct toml_kv *kv;

	if (!r)
		return;
	ASSERT(TOML_TABLE, r->kind);
	ASSERT(1, r->pos.line);
	ASSERT(1, r->pos.col);
	ASSERT(5, r->u.tab.n); /* a, b, t, aot, x */

	kv = kv_at(r, 0);
	ASSERT_STR("a", kv->key);
	ASSERT(2, kv->key_pos.line);
	ASSERT(1, kv->key_pos.col);
	ASSERT(2, kv->value->pos.line);
	ASSERT(5, kv->value->pos.col);

	kv = kv_at(r, 1);
	ASSERT_STR("b", kv->key);
	ASSERT(3, kv->key_pos.line);
	ASSERT(3, kv->key_pos.col);
	ASSERT(3, kv->value->pos.line); /* made implicitly by the key */
	ASSERT(3, kv->value->pos.col);
	kv = kv_at(kv->value, 0);
	ASSERT_STR("c", kv->key);
	ASSERT(5, kv->key_pos.col);
	ASSERT(9, kv->value->pos.col);

	kv = kv_at(r, 2);
	ASSERT_STR("t", kv->key);
	ASSERT(4, kv->key_pos.line);
	ASSERT(2, kv->key_pos.col);
	ASSERT(4, kv->value->pos.line); /* its header */
	ASSERT(1, kv->value->pos.col);
	v = get(r, "t", "arr", NULL);
	ASSERT(TOML_ARRAY, v->kind);
	ASSERT(5, v->pos.line);
	ASSERT(7, v->pos.col);
	ASSERT(2, v->u.arr.n);
	ASSERT(5, v->u.arr.items[0]->pos.line);
	ASSERT(8, v->u.arr.items[0]->pos.col);
	ASSERT(6, v->u.arr.items[1]->pos.line);
	ASSERT(3, v->u.arr.items[1]->pos.col);

	v = get(r, "aot", NULL);
	ASSERT(TOML_ARRAY, v->kind);
	ASSERT(7, v->pos.line);
	ASSERT(2, v->u.arr.n);
	ASSERT(7, v->u.arr.items[0]->pos.line);
	ASSERT(1, v->u.arr.items[0]->pos.col);
	ASSERT(8, v->u.arr.items[1]->pos.line);
	ASSERT(TOML_TABLE, v->u.arr.items[1]->kind);

	kv = kv_at(r, 4);
	ASSERT_STR("x", kv->key);
	ASSERT(9, kv->key_pos.line);
	ASSERT(3, kv->key_pos.col);
	ASSERT(3, kv->value->pos.col); /* implicit: the key */
	kv = kv_at(kv->value, 0);
	ASSERT_STR("y", kv->key);
	ASSERT(7, kv->key_pos.col);
	/* [x.y] at line 11 defines the implicit table: pos moves there */
	ASSERT(11, kv->value->pos.line);
	ASSERT(1, kv->value->pos.col);
	kv = kv_at(kv->value, 0);
	ASSERT_STR("z", kv->key);
	ASSERT(9, kv->key_pos.col);
	ASSERT(9, kv->value->pos.line);
	ASSERT(1, kv->value->pos.col);
	v = get(r, "x", "y", "z", "inl", NULL);
	ASSERT(10, v->pos.line);
	ASSERT(7, v->pos.col);
	kv = kv_at(v, 0);
	ASSERT_STR("k", kv->key);
	ASSERT(9, kv->key_pos.col);
	ASSERT(13, kv->value->pos.col);
	v = get(r, "x", "y", "s", NULL);
	ASSERT(12, v->pos.line);
	ASSERT(5, v->pos.col);
	ASSERT_STR("ab", v->u.str.s);

	/* positions after multi-byte characters count bytes */
	r = PARSE("'é' = \"ü\" # ⁂\nb = 1\n");
	if (r) {
		ASSERT(1, kv_at(r, 0)->key_pos.col);
		ASSERT(8, kv_at(r, 0)->value->pos.col);
		ASSERT(2, kv_at(r, 1)->key_pos.line);
	}
}

static void test_get(void)
{
	const struct toml_value *r =
		PARSE("a = 1\n\"\" = 2\n'a.b' = 3\n[t]\nx = 'y'\n");

	if (!r)
		return;
	ASSERT(1, toml_get(r, "a")->u.i);
	ASSERT(2, toml_get(r, "")->u.i);
	ASSERT(3, toml_get(r, "a.b")->u.i);
	ASSERT(1, toml_get(r, "b") == NULL);
	ASSERT(1, toml_get(toml_get(r, "a"), "x") == NULL);
	ASSERT(1, toml_get(NULL, "x") == NULL);
	ASSERT_STR("y", get(r, "t", "x", NULL)->u.str.s);
	ASSERT(1, get(r, "t", "x", "z", NULL) == NULL);

	ASSERT_STR("string", toml_kind_name(TOML_STRING));
	ASSERT_STR("integer", toml_kind_name(TOML_INTEGER));
	ASSERT_STR("float", toml_kind_name(TOML_FLOAT));
	ASSERT_STR("boolean", toml_kind_name(TOML_BOOL));
	ASSERT_STR("offset date-time", toml_kind_name(TOML_OFFSET_DATETIME));
	ASSERT_STR("local date-time", toml_kind_name(TOML_LOCAL_DATETIME));
	ASSERT_STR("local date", toml_kind_name(TOML_LOCAL_DATE));
	ASSERT_STR("local time", toml_kind_name(TOML_LOCAL_TIME));
	ASSERT_STR("array", toml_kind_name(TOML_ARRAY));
	ASSERT_STR("table", toml_kind_name(TOML_TABLE));

	/* an empty document is an empty table */
	r = PARSE_N(NULL, 0);
	if (r)
		ASSERT(0, r->u.tab.n);
	r = PARSE("\n\n  # only a comment\n\t\n");
	if (r)
		ASSERT(0, r->u.tab.n);
}

static void test_scalars(void)
{
	const struct toml_value *r = PARSE(
		"max = 9223372036854775807\n"
		"min = -9223372036854775808\n"
		"hmax = 0x7FFFFFFFFFFFFFFF\n"
		"oct = 0o777\n"
		"bin = 0b1010\n"
		"hex = 0xdead_BEEF\n"
		"pz = +0\n"
		"nz = -0.0\n"
		"big = 1.7976931348623157e308\n"
		"tiny = 5e-400\n"
		"ninf = -inf\n"
		"pnan = +nan\n"
		"t = true\n"
		"f = false\n"
		"nul = \"a\\u0000b\"\n"
		"astral = \"\\U0001F600\"\n"
		"odt = 1979-05-27T00:32:00.999999999-07:00\n"
		"trunc = 1979-05-27t00:32:00.1234567891234z\n"
		"ldt = 2000-02-29 23:59:60\n"
		"ld = 1600-02-29\n"
		"lt = 07:32:00.5\n");
	const struct toml_value *v;

	if (!r)
		return;
	ASSERT(1, get(r, "max", NULL)->u.i == INT64_MAX);
	ASSERT(1, get(r, "min", NULL)->u.i == INT64_MIN);
	ASSERT(1, get(r, "hmax", NULL)->u.i == INT64_MAX);
	ASSERT(0777, get(r, "oct", NULL)->u.i);
	ASSERT(10, get(r, "bin", NULL)->u.i);
	ASSERT(0xdeadbeef, get(r, "hex", NULL)->u.i);
	ASSERT(0, get(r, "pz", NULL)->u.i);
	ASSERT(TOML_FLOAT, get(r, "nz", NULL)->kind);
	ASSERT(1, signbit(get(r, "nz", NULL)->u.f) != 0);
	ASSERT(1, get(r, "big", NULL)->u.f == 1.7976931348623157e308);
	ASSERT(1, get(r, "tiny", NULL)->u.f == 0.0);
	v = get(r, "ninf", NULL);
	ASSERT(1, isinf(v->u.f) && v->u.f < 0);
	ASSERT(1, isnan(get(r, "pnan", NULL)->u.f));
	ASSERT(TOML_BOOL, get(r, "t", NULL)->kind);
	ASSERT(1, get(r, "t", NULL)->u.b);
	ASSERT(0, get(r, "f", NULL)->u.b);

	v = get(r, "nul", NULL);
	ASSERT(3, v->u.str.len);
	ASSERT(1, !memcmp(v->u.str.s, "a\0b", 4));
	ASSERT_STR("\xF0\x9F\x98\x80", get(r, "astral", NULL)->u.str.s);

	v = get(r, "odt", NULL);
	ASSERT(TOML_OFFSET_DATETIME, v->kind);
	ASSERT(1979, v->u.dt.year);
	ASSERT(5, v->u.dt.month);
	ASSERT(27, v->u.dt.day);
	ASSERT(0, v->u.dt.hour);
	ASSERT(32, v->u.dt.minute);
	ASSERT(0, v->u.dt.second);
	ASSERT(999999999, v->u.dt.nanosecond);
	ASSERT(9, v->u.dt.frac_digits);
	ASSERT(1, v->u.dt.has_offset);
	ASSERT(-420, v->u.dt.offset_minutes);

	v = get(r, "trunc", NULL);
	ASSERT(TOML_OFFSET_DATETIME, v->kind);
	ASSERT(123456789, v->u.dt.nanosecond);
	ASSERT(9, v->u.dt.frac_digits);
	ASSERT(0, v->u.dt.offset_minutes);

	v = get(r, "ldt", NULL);
	ASSERT(TOML_LOCAL_DATETIME, v->kind);
	ASSERT(29, v->u.dt.day);
	ASSERT(60, v->u.dt.second);
	ASSERT(0, v->u.dt.has_offset);

	v = get(r, "ld", NULL);
	ASSERT(TOML_LOCAL_DATE, v->kind);
	ASSERT(1600, v->u.dt.year);
	ASSERT(0, v->u.dt.hour);

	v = get(r, "lt", NULL);
	ASSERT(TOML_LOCAL_TIME, v->kind);
	ASSERT(7, v->u.dt.hour);
	ASSERT(500000000, v->u.dt.nanosecond);
	ASSERT(1, v->u.dt.frac_digits);
	ASSERT(0, v->u.dt.year);
}

/* Representative errors: where they point and what they say. */
static void test_errors(void)
{
	FAIL("a = 1\na = 2\n", 2, 1, "duplicate key 'a' (first defined at line 1)");
	FAIL("a\n", 1, 2, "expected '=' after key, found newline");
	FAIL("a b = 1", 1, 3, "expected '=' after key, found 'b'");
	FAIL("a = \"x\\qy\"\n", 1, 7, "invalid escape '\\q' in string");
	FAIL("a = 9223372036854775808\n", 1, 5, "integer out of range");
	FAIL("a = -9223372036854775809\n", 1, 5, "integer out of range");
	FAIL("a = 0x8000000000000000\n", 1, 5, "integer out of range");
	FAIL("a = 1e400\n", 1, 5, "float out of range");
	FAIL("[a.b]\nx = 1\n\n[a.b]\n", 4, 2, "table 'a.b' defined twice (first at line 1)");
	FAIL("a = {}\n[a]\n", 2, 2, "table 'a' defined twice (first as an inline table at line 1)");
	FAIL("a = [1]\n[[a]]\n", 2, 3, "cannot append to static array 'a' (defined at line 1)");
	FAIL("[fruit]\napple.color = 1\n[fruit.apple]\n", 3, 2,
	     "table 'fruit.apple' defined twice (first by dotted keys at line 2)");
	FAIL("a.b = 1\n[a]\n", 2, 2, "table 'a' defined twice (first by dotted keys at line 1)");
	FAIL("a = {b = 1}\na.c = 2\n", 2, 1, "cannot add to inline table 'a' (defined at line 1)");
	FAIL("a = {b = {}}\n[a.b.c]\n", 2, 2, "cannot add to inline table 'a'");
	FAIL("[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n", 4, 3,
	     "cannot add to table 'b.c' with dotted keys: it was defined by a [header] at line 1");
	FAIL("[[a.b]]\n[a]\nb.y = 2\n", 3, 1, "cannot add to array of tables 'b'");
	FAIL("a = 1\nb.a.c = 2\nb.a.c.d = 3\n", 3, 5, "key 'b.a.c' is an integer (defined at line 2), not a table");
	FAIL("a = 1\n[a.b]\n", 2, 2, "key 'a' is an integer (defined at line 1), not a table");
	FAIL("a = 1\n[a]\n", 2, 2, "duplicate key 'a' (first defined at line 1)");
	FAIL("[[a]]\n[a]\n", 2, 2, "table 'a' is already an array of tables");
	FAIL("[a]\n[[a]]\n", 2, 3, "'a' is already a table (defined at line 1), not an array of tables");
	FAIL("a = 1 2\n", 1, 7, "expected newline after value, found '2'");
	FAIL("[a] b = 1\n", 1, 5, "expected newline after table header, found 'b'");
	FAIL("a = 1979-02-29\n", 1, 13, "day 29 out of range: 1979-02 has 28 days");
	FAIL("a = 1900-02-29\n", 1, 13, "day 29 out of range");
	FAIL("a = 2000-13-01\n", 1, 10, "month 13 out of range");
	FAIL("a = 2000-01-01T24:00:00\n", 1, 16, "hour 24 out of range");
	FAIL("a = 2000-01-01T23:60:00\n", 1, 19, "minute 60 out of range");
	FAIL("a = 2000-01-01T23:59:61\n", 1, 22, "second 61 out of range");
	FAIL("a = 2000-01-01T23:59:59+24:00\n", 1, 25, "offset hour 24 out of range");
	FAIL("a = 07:32\n", 1, 10, "seconds are required");
	FAIL("a = 07:32:00Z\n", 1, 13, "a local time cannot have a UTC offset");
	FAIL("a = 1979-05-27T07:32:00.\n", 1, 25, "expected digit after '.'");
	FAIL("a = \"abc\n", 1, 5, "unterminated string");
	FAIL("a = '''abc\n", 1, 5, "unterminated string");
	FAIL("a = 01\n", 1, 5, "leading zeros are not allowed");
	FAIL("a = -01.5\n", 1, 6, "leading zeros are not allowed");
	FAIL("a = 1__0\n", 1, 6, "'_' in a number must be between two digits");
	FAIL("a = 1_\n", 1, 6, "'_' in a number must be between two digits");
	FAIL("a = 0x_1\n", 1, 7, "expected hexadecimal digit after '0x', found '_'");
	FAIL("a = 0o8\n", 1, 7, "expected octal digit");
	FAIL("a = 0b012\n", 1, 9, "invalid digit '2' in binary integer");
	FAIL("a = -0x10\n", 1, 5, "a hexadecimal integer cannot have a sign");
	FAIL("a = 0X10\n", 1, 6, "unexpected 'X' in number");
	FAIL("a = 1.\n", 1, 7, "expected digit after decimal point");
	FAIL("a = 1e\n", 1, 7, "expected digit in exponent");
	FAIL("a = .5\n", 1, 5, "expected a value, found '.5'");
	FAIL("a = \"\\uD800\"\n", 1, 6, "invalid escape '\\uD800': not a Unicode scalar value");
	FAIL("a = \"\\U00110000\"\n", 1, 6, "not a Unicode scalar value");
	FAIL("a = \"\\u12\"\n", 1, 6, "'\\u' needs 4 hex digits");
	FAIL("a = {b = 1,}\n", 1, 12, "trailing comma is not allowed in an inline table");
	FAIL("a = {\nb = 1}\n", 1, 6, "an inline table must be on one line");
	FAIL("a = {b = 1\n}\n", 1, 11, "an inline table must be on one line");
	FAIL("a = {b = 1 c = 2}\n", 1, 12, "expected ',' or '}' in inline table, found 'c'");
	FAIL("a = [1,,2]\n", 1, 8, "expected a value, found ','");
	FAIL("a = [1 2]\n", 1, 8, "expected ',' or ']' after array element, found '2'");
	FAIL("a = [1,\n", 2, 1, "expected a value, found end of file");
	FAIL("a = tru\n", 1, 5, "expected a value, found 'tru'");
	FAIL("a = True\n", 1, 5, "expected a value, found 'True'");
	FAIL("a = \n", 1, 5, "expected a value, found newline");
	FAIL("a = infinity\n", 1, 5, "expected a value, found 'infinity'");
	FAIL("= 1\n", 1, 1, "expected a key or a table header, found '='");
	FAIL("a. = 1\n", 1, 4, "expected a key after '.', found '='");
	FAIL("[]\n", 1, 2, "expected a key, found ']'");
	FAIL("[a\n", 1, 3, "expected ']' after table name, found newline");
	FAIL("[[a]\n", 1, 4, "expected ']]' after table name, found ']'");
	FAIL("\"\"\"a\"\"\" = 1\n", 1, 1, "a multi-line string cannot be used as a key");
	FAIL("a = \"\"\"x\"\"\"\"\"\"\n", 1, 14, "too many quotes");
	FAIL("a = \"\"\"x\\ y\"\"\"\n", 1, 9, "'\\' followed by whitespace must end the line");
	FAIL("a = \"tab\\\tx\"\n", 1, 9, "invalid escape: '\\' followed by tab");
	FAIL("a = \"x\x01\"\n", 1, 7, "control character U+0001 is not allowed in a string");
	FAIL("a = 'x\x7f'\n", 1, 7, "control character U+007F is not allowed in a string");
	FAIL("# x\x7f\n", 1, 4, "control character U+007F is not allowed in a comment");
	FAIL("a = \"\"\"\x0b\"\"\"\n", 1, 8, "control character U+000B");
	FAIL("a = 1\n  ! = 2\n", 2, 3, "expected a key or a table header, found '!'");
	FAIL("a = 1\n\xc3\xa9 = 2\n", 2, 1, "found '\xc3\xa9' (U+00E9)");
}

/* Inputs that files would not keep intact: CR, NUL, bad UTF-8, BOM. */
static void test_bytes(void)
{
	const struct toml_value *r;

	r = PARSE("a = 1\r\nb = \"x\"\r\n# c\r\n[t]\r\nc = [\r\n1,\r\n]\r\n");
	if (r) {
		ASSERT(2, kv_at(r, 1)->key_pos.line);
		ASSERT(1, kv_at(r, 1)->key_pos.col);
		ASSERT(6, get(r, "t", "c", NULL)->u.arr.items[0]->pos.line);
	}
	r = PARSE("a = \"\"\"\r\nx\r\ny\"\"\"\nb = '''\r\n\r\nz\r\n'''\n"
		  "c = \"\"\"x\\\r\n   \r\n  y\"\"\"\n");
	if (r) {
		ASSERT_STR("x\ny", get(r, "a", NULL)->u.str.s);
		ASSERT_STR("\nz\n", get(r, "b", NULL)->u.str.s);
		ASSERT_STR("xy", get(r, "c", NULL)->u.str.s);
	}
	FAIL("a = 1\rb = 2\n", 1, 6, "carriage return not followed by a line feed");
	FAIL("a = 1\r", 1, 6, "carriage return");
	FAIL("# c\r\n# d\r", 2, 4, "carriage return");
	FAIL("\r", 1, 1, "carriage return");
	FAIL("a = [\r1]", 1, 6, "carriage return");
	FAIL("a = \"\"\"x\ry\"\"\"", 1, 9, "carriage return");
	FAIL("a = \"\"\"x\\\r  y\"\"\"", 1, 10, "carriage return");
	FAIL("a = \"x\ry\"", 1, 7, "control character U+000D");
	FAIL("a = 'x\r\ny'", 1, 5, "unterminated string");

	FAIL_N("a = \"x\0y\"\n", 10, 1, 7, "control character U+0000 is not allowed in a string");
	FAIL_N("a = 1\0\n", 7, 1, 6, "unexpected control character U+0000 in number");
	FAIL_N("# \0\n", 4, 1, 3, "control character U+0000 is not allowed in a comment");
	FAIL_N("\0", 1, 1, 1, "expected a key or a table header");
	FAIL_N("a = '''\0'''", 11, 1, 8, "U+0000");

	FAIL("a = \"\xff\"\n", 1, 6, "invalid UTF-8 byte 0xFF");
	FAIL("# \xc0\x80\n", 1, 3, "invalid UTF-8 byte 0xC0");    /* overlong */
	FAIL("# \xe0\x80\xaf\n", 1, 3, "invalid UTF-8 sequence starting with byte 0xE0"); /* overlong */
	FAIL("a = '\xed\xa0\x80'\n", 1, 6, "invalid UTF-8");        /* surrogate */
	FAIL("a = '\xf4\x90\x80\x80'\n", 1, 6, "invalid UTF-8");    /* > U+10FFFF */
	FAIL("a = '\xf5\x80\x80\x80'\n", 1, 6, "invalid UTF-8");
	FAIL("a = 'x\xe2\x82'\n", 1, 7, "invalid UTF-8");           /* truncated */
	FAIL("a = \"\"\"\xe2\x82\"\"\"", 1, 8, "invalid UTF-8");
	FAIL("a = \"\x80\"\n", 1, 6, "invalid UTF-8 byte 0x80");    /* stray continuation */
	FAIL("a = 1 # \xe2\x82", 1, 9, "invalid UTF-8");            /* cut by EOF */
	FAIL("\xff = 1\n", 1, 1, "invalid UTF-8 byte 0xFF");
	r = PARSE("a = '\xf4\x8f\xbf\xbf \xef\xbf\xbf \xe2\x82\xac \xc2\x80' # \xf0\x9f\x98\x80\n");
	if (r)
		ASSERT(15, get(r, "a", NULL)->u.str.len);

	r = PARSE("\xEF\xBB\xBF" "a = 1\n");
	if (r) {
		ASSERT(1, get(r, "a", NULL)->u.i);
		ASSERT(4, kv_at(r, 0)->key_pos.col);
	}
	FAIL("a = 1\n\xEF\xBB\xBF" "b = 2\n", 2, 1, "expected a key or a table header, found '\xEF\xBB\xBF' (U+FEFF)");
	r = PARSE("a = '\xEF\xBB\xBF'\n");
	if (r)
		ASSERT(3, get(r, "a", NULL)->u.str.len);
}

/* Nesting limits and documents too big to keep in files. */
static void test_limits(void)
{
	struct strbuf sb;
	const struct toml_value *r;

	strbuf_init(&sb);

	/* TOML_MAX_DEPTH arrays fit, one more does not */
	strbuf_adds(&sb, "a = ");
	for (int k = 0; k < TOML_MAX_DEPTH; k++)
		strbuf_addc(&sb, '[');
	for (int k = 0; k < TOML_MAX_DEPTH; k++)
		strbuf_addc(&sb, ']');
	ASSERT(1, PARSE(sb.buf) != NULL);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "a = ");
	for (int k = 0; k <= TOML_MAX_DEPTH; k++)
		strbuf_addc(&sb, '[');
	FAIL(sb.buf, 1, 5 + TOML_MAX_DEPTH, "nesting is too deep (more than 128 levels)");

	/* inline tables count the same */
	strbuf_reset(&sb);
	strbuf_adds(&sb, "a = ");
	for (int k = 0; k < 200; k++)
		strbuf_adds(&sb, "{b=");
	FAIL(sb.buf, 1, 5 + 3 * (TOML_MAX_DEPTH - 1) + 3, "nesting is too deep");

	/* and so do dotted keys and headers */
	strbuf_reset(&sb);
	for (int k = 0; k < TOML_MAX_DEPTH - 1; k++)
		strbuf_adds(&sb, "a.");
	strbuf_adds(&sb, "a = 1\n");
	ASSERT(1, PARSE(sb.buf) != NULL);
	strbuf_reset(&sb);
	for (int k = 0; k < TOML_MAX_DEPTH; k++)
		strbuf_adds(&sb, "a.");
	strbuf_adds(&sb, "a = 1\n");
	FAIL(sb.buf, 1, 1 + 2 * TOML_MAX_DEPTH, "key has too many parts");
	strbuf_reset(&sb);
	strbuf_adds(&sb, "[a");
	for (int k = 0; k < TOML_MAX_DEPTH - 1; k++)
		strbuf_adds(&sb, ".a");
	strbuf_adds(&sb, "]\nb = []\n");
	FAIL(sb.buf, 2, 5, "nesting is too deep");
	strbuf_reset(&sb);
	strbuf_adds(&sb, "[a");
	for (int k = 0; k < TOML_MAX_DEPTH - 2; k++)
		strbuf_adds(&sb, ".a");
	strbuf_adds(&sb, "]\nb = []\n");
	ASSERT(1, PARSE(sb.buf) != NULL);

	/* 200000 keys in one table, and one array of 1000000 elements */
	strbuf_reset(&sb);
	for (int k = 0; k < 200000; k++)
		strbuf_addf(&sb, "k%d = %d\n", k, k);
	strbuf_adds(&sb, "[t]\nbig = [");
	for (int k = 0; k < 1000000; k++)
		strbuf_adds(&sb, "1,");
	strbuf_adds(&sb, "]\n");
	r = PARSE(sb.buf);
	if (r) {
		ASSERT(200001, r->u.tab.n);
		ASSERT(199999, get(r, "k199999", NULL)->u.i);
		ASSERT(1000000, get(r, "t", "big", NULL)->u.arr.n);
	}
	strbuf_addf(&sb, "[t]\n");
	FAIL(sb.buf, 200003, 2, "table 't' defined twice (first at line 200001)");

	/* many tables, each with a few keys, found through the hash */
	strbuf_reset(&sb);
	for (int k = 0; k < 50000; k++)
		strbuf_addf(&sb, "[t%d.u]\na = %d\nb.c = 1\n", k, k);
	r = PARSE(sb.buf);
	if (r)
		ASSERT(49999, get(r, "t49999", "u", "a", NULL)->u.i);

	/*
	 * Duplicates are found at every table size, across the switch from
	 * scanning small tables to hashing big ones, and for dotted keys
	 * and headers as well as plain keys.
	 */
	for (int n = 1; n <= 20; n++) {
		for (int dup = 0; dup < n; dup++) {
			struct strbuf d;

			strbuf_init(&d);
			strbuf_adds(&d, "[t]\n");
			for (int k = 0; k < n; k++)
				strbuf_addf(&d, "k%d = %d\n", k, k);
			strbuf_addf(&d, "k%d = 0\n", dup);
			FAIL(d.buf, (unsigned)n + 2, 1, "duplicate key");
			strbuf_reset(&d);
			for (int k = 0; k < n; k++)
				strbuf_addf(&d, "a.k%d.x = %d\n", k, k);
			strbuf_addf(&d, "[a.k%d]\n", dup);
			FAIL(d.buf, (unsigned)n + 1, 2, "defined twice (first by dotted keys");
			strbuf_reset(&d);
			for (int k = 0; k < n; k++)
				strbuf_addf(&d, "[a.k%d]\n", k);
			strbuf_addf(&d, "[a]\nk%d.x = 1\n", dup);
			FAIL(d.buf, (unsigned)n + 2, 1, "it was defined by a [header]");
			strbuf_release(&d);
		}
	}

	/* a long string and a long comment */
	strbuf_reset(&sb);
	strbuf_adds(&sb, "s = \"");
	for (int k = 0; k < 1000000; k++)
		strbuf_adds(&sb, k % 100 ? "x" : "\\n");
	strbuf_adds(&sb, "\" #");
	for (int k = 0; k < 1000000; k++)
		strbuf_adds(&sb, "\xc3\xa9");
	r = PARSE(sb.buf);
	if (r)
		ASSERT(1000000, get(r, "s", NULL)->u.str.len);

	strbuf_release(&sb);
}

/*
 * The canonical JSON form: the toml-test tagged format with keys sorted
 * by their bytes, no whitespace, and each scalar normalised so that
 * equal values print equally.
 */
static void put_str(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_addc(sb, '"');
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == '"' || c == '\\')
			strbuf_addf(sb, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			strbuf_addf(sb, "\\u%04x", c);
		else
			strbuf_addc(sb, (char)c);
	}
	strbuf_addc(sb, '"');
}

static void put_tagged(struct strbuf *sb, const char *type, const char *value,
		       size_t len)
{
	strbuf_adds(sb, "{\"type\":");
	put_str(sb, type, strlen(type));
	strbuf_adds(sb, ",\"value\":");
	put_str(sb, value, len);
	strbuf_addc(sb, '}');
}

static void format_float(char *buf, size_t size, double d)
{
	if (isnan(d))
		snprintf(buf, size, "nan");
	else if (isinf(d))
		snprintf(buf, size, d < 0 ? "-inf" : "inf");
	else
		snprintf(buf, size, "%.17g", d);
}

/*
 * Datetimes: 'T' between date and time, the fraction without trailing
 * zeros, "Z" for a zero offset, upper case.
 */
static void normalize_datetime(char *s)
{
	char *frac, *end;
	size_t n = strlen(s);

	if (n > 10 && s[4] == '-' && (s[10] == ' ' || s[10] == 't'))
		s[10] = 'T';
	if (n && s[n - 1] == 'z')
		s[n - 1] = 'Z';
	if (n > 6 && (!strcmp(s + n - 6, "+00:00") ||
		      !strcmp(s + n - 6, "-00:00")))
		strcpy(s + n - 6, "Z");
	if ((frac = strchr(s, '.'))) {
		for (end = frac + 1; *end >= '0' && *end <= '9'; end++)
			;
		char *z = end;
		while (z > frac + 1 && z[-1] == '0')
			z--;
		if (z == frac + 1)
			z = frac;
		memmove(z, end, strlen(end) + 1);
	}
}

static void format_datetime(char *buf, size_t size, const struct toml_value *v)
{
	const struct toml_datetime *dt = &v->u.dt;
	size_t n = 0;

	if (v->kind != TOML_LOCAL_TIME)
		n += (size_t)snprintf(buf + n, size - n, "%04d-%02d-%02d",
				      dt->year, dt->month, dt->day);
	if (v->kind == TOML_LOCAL_DATETIME || v->kind == TOML_OFFSET_DATETIME)
		buf[n++] = 'T';
	if (v->kind != TOML_LOCAL_DATE) {
		n += (size_t)snprintf(buf + n, size - n, "%02d:%02d:%02d",
				      dt->hour, dt->minute, dt->second);
		if (dt->frac_digits)
			n += (size_t)snprintf(buf + n, size - n, ".%09ld",
					      dt->nanosecond);
	}
	if (v->kind == TOML_OFFSET_DATETIME) {
		int off = dt->offset_minutes, neg = off < 0;
		if (neg)
			off = -off;
		snprintf(buf + n, size - n, "%c%02d:%02d", neg ? '-' : '+',
			 off / 60, off % 60);
	}
	normalize_datetime(buf);
}

static int cmp_kv(const void *x, const void *y)
{
	const struct toml_kv *a = *(const struct toml_kv *const *)x;
	const struct toml_kv *b = *(const struct toml_kv *const *)y;
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int c = memcmp(a->key, b->key, n);

	return c ? c : (a->key_len > b->key_len) - (a->key_len < b->key_len);
}

static void print_toml(struct strbuf *sb, const struct toml_value *v)
{
	char buf[128];

	switch (v->kind) {
	case TOML_TABLE: {
		size_t n = v->u.tab.n;
		const struct toml_kv **order = xmalloc(n * sizeof(*order) + 1);

		for (size_t k = 0; k < n; k++)
			order[k] = &v->u.tab.items[k];
		qsort(order, n, sizeof(*order), cmp_kv);
		strbuf_addc(sb, '{');
		for (size_t k = 0; k < n; k++) {
			if (k)
				strbuf_addc(sb, ',');
			put_str(sb, order[k]->key, order[k]->key_len);
			strbuf_addc(sb, ':');
			print_toml(sb, order[k]->value);
		}
		strbuf_addc(sb, '}');
		free(order);
		return;
	}
	case TOML_ARRAY:
		strbuf_addc(sb, '[');
		for (size_t k = 0; k < v->u.arr.n; k++) {
			if (k)
				strbuf_addc(sb, ',');
			print_toml(sb, v->u.arr.items[k]);
		}
		strbuf_addc(sb, ']');
		return;
	case TOML_STRING:
		put_tagged(sb, "string", v->u.str.s, v->u.str.len);
		return;
	case TOML_INTEGER:
		snprintf(buf, sizeof(buf), "%lld", (long long)v->u.i);
		put_tagged(sb, "integer", buf, strlen(buf));
		return;
	case TOML_FLOAT:
		format_float(buf, sizeof(buf), v->u.f);
		put_tagged(sb, "float", buf, strlen(buf));
		return;
	case TOML_BOOL:
		put_tagged(sb, "bool", v->u.b ? "true" : "false",
			   v->u.b ? 4 : 5);
		return;
	case TOML_OFFSET_DATETIME:
	case TOML_LOCAL_DATETIME:
	case TOML_LOCAL_DATE:
	case TOML_LOCAL_TIME:
		format_datetime(buf, sizeof(buf), v);
		put_tagged(sb,
			   v->kind == TOML_OFFSET_DATETIME  ? "datetime"
			   : v->kind == TOML_LOCAL_DATETIME ? "datetime-local"
			   : v->kind == TOML_LOCAL_DATE     ? "date-local"
							    : "time-local",
			   buf, strlen(buf));
		return;
	}
}

/*
 * A small JSON reader for the expectation files: objects, arrays and
 * strings are all the tagged format needs.  Nodes live in 'arena'.
 */
struct json {
	char kind;         /* 's', 'a' or 'o' */
	const char *s;     /* string, decoded */
	size_t len;
	struct json **items; /* array elements, or object values */
	const char **keys;   /* object keys */
	size_t *key_lens;
	size_t n;
};

struct json_reader {
	const char *s;
	size_t i, len;
	const char *error; /* first error, or NULL */
};

static void json_ws(struct json_reader *r)
{
	while (r->i < r->len && strchr(" \t\r\n", r->s[r->i]))
		r->i++;
}

static int json_hex4(struct json_reader *r, unsigned *out)
{
	*out = 0;
	for (int k = 0; k < 4; k++) {
		char c = r->i < r->len ? r->s[r->i++] : 0;
		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static void json_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
		return;
	}
	if (cp < 0x800) {
		strbuf_addc(sb, (char)(0xC0 | cp >> 6));
	} else if (cp < 0x10000) {
		strbuf_addc(sb, (char)(0xE0 | cp >> 12));
		strbuf_addc(sb, (char)(0x80 | (cp >> 6 & 0x3F)));
	} else {
		strbuf_addc(sb, (char)(0xF0 | cp >> 18));
		strbuf_addc(sb, (char)(0x80 | (cp >> 12 & 0x3F)));
		strbuf_addc(sb, (char)(0x80 | (cp >> 6 & 0x3F)));
	}
	strbuf_addc(sb, (char)(0x80 | (cp & 0x3F)));
}

/* At '"': a JSON string, decoded into the arena; NULL if malformed. */
static const char *json_string(struct json_reader *r, size_t *len)
{
	static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	struct strbuf sb;
	const char *res, *e;
	unsigned cp, lo;

	strbuf_init(&sb);
	r->i++;
	while (r->i < r->len && r->s[r->i] != '"') {
		char c = r->s[r->i++];

		if (c != '\\') {
			strbuf_addc(&sb, c);
			continue;
		}
		c = r->i < r->len ? r->s[r->i++] : 0;
		if (c != 'u') {
			for (e = escapes; *e && *e != c; e += 2)
				;
			if (!c || !*e)
				goto bad;
			strbuf_addc(&sb, e[1]);
			continue;
		}
		if (json_hex4(r, &cp))
			goto bad;
		if (cp >= 0xD800 && cp < 0xDC00) { /* a surrogate pair */
			if (r->i + 1 >= r->len || r->s[r->i] != '\\' ||
			    r->s[r->i + 1] != 'u')
				goto bad;
			r->i += 2;
			if (json_hex4(r, &lo) || lo < 0xDC00 || lo > 0xDFFF)
				goto bad;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		}
		json_utf8(&sb, cp);
	}
	if (r->i >= r->len)
		goto bad;
	r->i++;
	*len = sb.len;
	res = arena_memdup(&arena, sb.buf, sb.len + 1);
	strbuf_release(&sb);
	return res;
bad:
	r->error = "bad JSON string";
	strbuf_release(&sb);
	return NULL;
}

static struct json *json_value(struct json_reader *r, int depth)
{
	struct json *j = arena_alloc(&arena, sizeof(*j));
	struct json **items = NULL;
	const char **keys = NULL;
	size_t *key_lens = NULL, n = 0, cap = 0, kcap = 0, lcap = 0;
	char close;

	json_ws(r);
	if (depth > 200 || r->i >= r->len) {
		r->error = "bad JSON value";
		return NULL;
	}
	if (r->s[r->i] == '"') {
		j->kind = 's';
		j->s = json_string(r, &j->len);
		return j->s ? j : NULL;
	}
	if (r->s[r->i] != '[' && r->s[r->i] != '{') {
		r->error = "expected a JSON string, array or object";
		return NULL;
	}
	j->kind = r->s[r->i] == '[' ? 'a' : 'o';
	close = j->kind == 'a' ? ']' : '}';
	r->i++;
	json_ws(r);
	if (r->i < r->len && r->s[r->i] == close) {
		r->i++;
		return j;
	}
	for (;;) {
		struct json *item;

		if (j->kind == 'o') {
			size_t klen;
			const char *key;

			json_ws(r);
			if (r->i >= r->len || r->s[r->i] != '"' ||
			    !(key = json_string(r, &klen)))
				goto bad;
			json_ws(r);
			if (r->i >= r->len || r->s[r->i] != ':')
				goto bad;
			r->i++;
			ARRAY_GROW(keys, n + 1, kcap);
			ARRAY_GROW(key_lens, n + 1, lcap);
			keys[n] = key;
			key_lens[n] = klen;
		}
		if (!(item = json_value(r, depth + 1)))
			goto bad;
		ARRAY_GROW(items, n + 1, cap);
		items[n++] = item;
		json_ws(r);
		if (r->i < r->len && r->s[r->i] == ',') {
			r->i++;
			continue;
		}
		if (r->i < r->len && r->s[r->i] == close) {
			r->i++;
			break;
		}
		goto bad;
	}
	j->n = n;
	j->items = arena_memdup(&arena, items, n * sizeof(*items));
	if (keys) {
		j->keys = arena_memdup(&arena, keys, n * sizeof(*keys));
		j->key_lens = arena_memdup(&arena, key_lens,
					   n * sizeof(*key_lens));
	}
	free(items);
	free(keys);
	free(key_lens);
	return j;
bad:
	if (!r->error)
		r->error = "bad JSON array or object";
	free(items);
	free(keys);
	free(key_lens);
	return NULL;
}

static int json_is(const struct json *j, const char *s)
{
	return j->kind == 's' && j->len == strlen(s) &&
	       !memcmp(j->s, s, j->len);
}

static const struct json *json_member(const struct json *j, const char *key)
{
	for (size_t k = 0; k < j->n; k++)
		if (j->key_lens[k] == strlen(key) &&
		    !memcmp(j->keys[k], key, j->key_lens[k]))
			return j->items[k];
	return NULL;
}

struct member {
	const char *key;
	size_t len;
	const struct json *value;
};

static int cmp_member(const void *x, const void *y)
{
	const struct member *a = x, *b = y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->key, b->key, n);

	return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Print expected JSON in the canonical form; -1 if not the tagged format. */
static int print_json(struct strbuf *sb, const struct json *j)
{
	const struct json *type, *value;
	char buf[128];

	if (j->kind == 'a') {
		strbuf_addc(sb, '[');
		for (size_t k = 0; k < j->n; k++) {
			if (k)
				strbuf_addc(sb, ',');
			if (print_json(sb, j->items[k]))
				return -1;
		}
		strbuf_addc(sb, ']');
		return 0;
	}
	if (j->kind != 'o')
		return -1;
	type = json_member(j, "type");
	value = json_member(j, "value");
	if (j->n == 2 && type && value && type->kind == 's' &&
	    value->kind == 's') {
		if (value->len >= sizeof(buf) - 1 && !json_is(type, "string"))
			return -1;
		if (json_is(type, "integer")) {
			snprintf(buf, sizeof(buf), "%lld",
				 strtoll(value->s, NULL, 10));
		} else if (json_is(type, "float")) {
			const char *s = value->s + (value->s[0] == '+');
			if (!strcmp(s, "nan") || !strcmp(s, "-nan"))
				strcpy(buf, "nan");
			else if (!strcmp(s, "inf") || !strcmp(s, "-inf"))
				strcpy(buf, s);
			else
				format_float(buf, sizeof(buf), strtod(s, NULL));
		} else if (json_is(type, "datetime") ||
			   json_is(type, "datetime-local") ||
			   json_is(type, "date-local") ||
			   json_is(type, "time-local")) {
			memcpy(buf, value->s, value->len + 1);
			normalize_datetime(buf);
		} else if (json_is(type, "string") || json_is(type, "bool")) {
			put_tagged(sb, type->s, value->s, value->len);
			return 0;
		} else {
			return -1;
		}
		put_tagged(sb, type->s, buf, strlen(buf));
		return 0;
	}

	struct member *m = xmalloc(j->n * sizeof(*m) + 1);
	int ret = 0;
	for (size_t k = 0; k < j->n; k++)
		m[k] = (struct member){ j->keys[k], j->key_lens[k],
					j->items[k] };
	qsort(m, j->n, sizeof(*m), cmp_member);
	strbuf_addc(sb, '{');
	for (size_t k = 0; k < j->n && !ret; k++) {
		if (k)
			strbuf_addc(sb, ',');
		put_str(sb, m[k].key, m[k].len);
		strbuf_addc(sb, ':');
		ret = print_json(sb, m[k].value);
	}
	strbuf_addc(sb, '}');
	free(m);
	return ret;
}

/*
 * The conformance set.
 */
static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in 'dir' that end in ".toml", sorted; NULL-terminated. */
static char **list_toml(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d) {
		printf("cannot open '%s'\n", dir);
		test_failures++;
		*count = 0;
		return NULL;
	}
	while ((e = readdir(d)))
		if (ends_with(e->d_name, ".toml")) {
			ARRAY_GROW(names, n + 1, cap);
			names[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_name);
	*count = n;
	return names;
}

static void free_names(char **names, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(names[k]);
	free(names);
}

static void run_valid(const char *dir, const char *name)
{
	char *path = xmalloc(strlen(dir) + strlen(name) + 8);
	size_t len, jlen;
	char *text, *jtext = NULL;
	struct toml_value *root;
	struct toml_error err;
	struct strbuf got, want;
	struct json_reader jr;
	struct json *j;

	strbuf_init(&got);
	strbuf_init(&want);
	sprintf(path, "%s/%s", dir, name);
	test_checks++;
	if (!(text = read_file(path, &len))) {
		printf("%s: cannot read\n", path);
		test_failures++;
		goto out;
	}
	if (toml_parse(&arena, text, len, &root, &err)) {
		printf("%s:%u:%u: unexpected error: %s\n", path, err.line,
		       err.col, err.msg);
		test_failures++;
		goto out;
	}
	print_toml(&got, root);

	strcpy(path + strlen(path) - 5, ".json");
	if (!(jtext = read_file(path, &jlen))) {
		printf("%s: cannot read\n", path);
		test_failures++;
		goto out;
	}
	jr = (struct json_reader){ jtext, 0, jlen, NULL };
	j = json_value(&jr, 0);
	json_ws(&jr);
	if (!j || jr.i != jlen || print_json(&want, j)) {
		printf("%s: not valid tagged JSON (%s at byte %zu)\n", path,
		       jr.error ? jr.error : "bad type or trailing text", jr.i);
		test_failures++;
		goto out;
	}
	if (strcmp(got.buf, want.buf)) {
		printf("%s: mismatch\n  expected: %s\n  got:      %s\n", path,
		       want.buf, got.buf);
		test_failures++;
	}
out:
	free(text);
	free(jtext);
	free(path);
	strbuf_release(&got);
	strbuf_release(&want);
}

/* 1 if 'hay' contains the 'n' bytes at 'needle'. */
static int contains_n(const char *hay, const char *needle, size_t n)
{
	for (; *hay; hay++)
		if (!strncmp(hay, needle, n))
			return 1;
	return n == 0;
}

static void run_invalid(const char *dir, const char *name)
{
	char *path = xmalloc(strlen(dir) + strlen(name) + 8);
	size_t len;
	char *text;
	struct toml_value *root;
	struct toml_error err;
	unsigned line, col;
	int used = 0;

	sprintf(path, "%s/%s", dir, name);
	test_checks++;
	if (!(text = read_file(path, &len))) {
		printf("%s: cannot read\n", path);
		test_failures++;
		goto out;
	}
	if (!toml_parse(&arena, text, len, &root, &err)) {
		printf("%s: parsed, but should have failed\n", path);
		test_failures++;
		goto out;
	}
	if (sscanf(text, "# error: %u:%u%n", &line, &col, &used) == 2 && used) {
		const char *msg = text + used, *eol;

		while (*msg == ' ' || *msg == ':')
			msg++;
		eol = msg + strcspn(msg, "\r\n");
		if (err.line != line || err.col != col ||
		    (eol > msg &&
		     !contains_n(err.msg, msg, (size_t)(eol - msg)))) {
			printf("%s:%u:%u: wrong error: %s\n"
			       "  expected %u:%u%s%.*s\n",
			       path, err.line, err.col, err.msg, line, col,
			       eol > msg ? ": " : "", (int)(eol - msg), msg);
			test_failures++;
		}
	}
out:
	free(text);
	free(path);
}

static void run_dir(const char *top, const char *sub, int valid, size_t *count)
{
	char *dir = xmalloc(strlen(top) + strlen(sub) + 2);
	char **names;

	sprintf(dir, "%s/%s", top, sub);
	names = list_toml(dir, count);
	for (size_t k = 0; k < *count; k++) {
		(valid ? run_valid : run_invalid)(dir, names[k]);
		arena_release(&arena);
	}
	free_names(names, *count);
	free(dir);
}

/* ---- conf.c: TOML and JSON into one neutral tree ----------------------- */

/* Both formats give the same tree, positions included. */
static void test_conf_tree(void)
{
	struct arena a;
	struct conf_value *t = NULL, *j = NULL;
	arena_init(&a);
	ASSERT(0, conf_read(&a, "t.toml", "x = [1, \"s\", true, 2.5]\n", false, &t));
	ASSERT(0, conf_read(&a, "t.json", "{\"x\": [1, \"s\", true, 2.5]}", true, &j));
	const struct conf_value *trees[] = { t, j };
	for (int i = 0; i < 2; i++) {
		const struct conf_value *r = trees[i], *x = conf_get(r, "x");
		ASSERT(CONF_TABLE, r->kind);
		ASSERT(1, x != NULL);
		ASSERT(CONF_ARRAY, x->kind);
		ASSERT(4, x->u.arr.n);
		ASSERT(CONF_INTEGER, x->u.arr.items[0]->kind);
		ASSERT(1, x->u.arr.items[0]->u.i);
		ASSERT(CONF_STRING, x->u.arr.items[1]->kind);
		ASSERT(0, strcmp(x->u.arr.items[1]->u.str.s, "s"));
		ASSERT(CONF_BOOL, x->u.arr.items[2]->kind);
		ASSERT(CONF_FLOAT, x->u.arr.items[3]->kind);
		ASSERT(1, r->u.tab.items[0].key_pos.line);
		ASSERT(i ? 2 : 1, r->u.tab.items[0].key_pos.col);
		ASSERT(i ? 7 : 5, x->pos.col);
		ASSERT(i ? 11 : 9, x->u.arr.items[1]->pos.col);
	}
	/* JSON numbers: integers only when exact and in int64 range */
	ASSERT(0, conf_read(&a, "n.json",
			    "{\"a\": 1e300, \"b\": -1e300, \"c\": 9223372036854775807,"
			    " \"d\": -9223372036854775808, \"e\": 4, \"f\": null}",
			    true, &j));
	ASSERT(CONF_FLOAT, conf_get(j, "a")->kind);
	ASSERT(CONF_FLOAT, conf_get(j, "b")->kind);
	ASSERT(CONF_FLOAT, conf_get(j, "c")->kind); /* 2^63 as a double */
	ASSERT(CONF_INTEGER, conf_get(j, "d")->kind);
	ASSERT(1, conf_get(j, "d")->u.i == INT64_MIN);
	ASSERT(CONF_INTEGER, conf_get(j, "e")->kind);
	ASSERT(CONF_NULL, conf_get(j, "f")->kind);
	ASSERT(0, strcmp(conf_kind_name(conf_get(j, "f")), "null"));
	ASSERT(0, strcmp(conf_article(conf_get(j, "e")), "an"));
	/* a TOML date keeps its own name */
	ASSERT(0, conf_read(&a, "d.toml", "d = 1979-05-27\n", false, &t));
	ASSERT(CONF_DATETIME, conf_get(t, "d")->kind);
	ASSERT(0, strcmp(conf_kind_name(conf_get(t, "d")), "local date"));
	arena_release(&a);
}

/* utf8_char_len() and strbuf_add_printable() (util.c), which keep the
 * readers' and the writers' text valid and terminal-safe. */
static void test_printable(void)
{
	struct strbuf sb;
	ASSERT(1, utf8_char_len("a", 1));
	ASSERT(2, utf8_char_len("\xc3\xa9", 2));
	ASSERT(3, utf8_char_len("\xe2\x82\xac", 3));
	ASSERT(4, utf8_char_len("\xf0\x9f\x98\x80", 4));
	ASSERT(0, utf8_char_len("\xc3", 1));          /* cut short */
	ASSERT(0, utf8_char_len("\xc0\xaf", 2));      /* overlong */
	ASSERT(0, utf8_char_len("\xed\xa0\x80", 3));  /* surrogate */
	ASSERT(0, utf8_char_len("\xf4\x90\x80\x80", 4)); /* past U+10FFFF */
	ASSERT(0, utf8_char_len("\x80", 1));
	strbuf_init(&sb);
	strbuf_add_printable(&sb, "a\tb\x1b[1m\xff\xc2\x9b\xc3\xa9", 12);
	ASSERT(0, strcmp(sb.buf, "a\tb\\x1b[1m\\xff\\xc2\\x9b\xc3\xa9"));
	ASSERT(1, is_printable("caf\xc3\xa9 \t", 7));
	ASSERT(0, is_printable("a\x7f", 2));
	strbuf_release(&sb);
}

int main(int argc, char **argv)
{
	size_t nvalid = 0, ninvalid = 0;
	int units;

	if (argc != 2) {
		fprintf(stderr, "usage: test_toml checker/test/toml\n");
		return 2;
	}
	arena_init(&arena);
	test_positions();
	test_get();
	test_scalars();
	test_errors();
	test_bytes();
	test_limits();
	test_conf_tree();
	test_printable();
	arena_release(&arena);
	units = test_checks;

	run_dir(argv[1], "valid", 1, &nvalid);
	run_dir(argv[1], "invalid", 0, &ninvalid);
	arena_release(&arena);

	printf("test_toml: %d unit checks, %zu valid and %zu invalid documents: %s (%d failed)\n",
	       units, nvalid, ninvalid, test_failures ? "FAIL" : "OK", test_failures);
	return test_done("test_toml");
}
