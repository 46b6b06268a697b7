/*
 * test_compdb.c - unit tests for json.c (positions, syntax errors) and
 * compdb.c (splitting, argument filtering, paths, lookups, errors).
 *
 *   test_compdb checker/test/compdb
 *
 * The argument is the fixture directory.  Exits 1 if a check failed
 * (each is printed), 0 otherwise (test.h).  Messages
 * on stderr are captured through a temporary file and compared, so the
 * checks see exactly what a user would.
 */
#include "common.h"
#include "arena.h"
#include "compdb.h"
#include "json.h"
#include "lang.h"
#include "util.h"
#include "test.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- capturing stderr ---- */

struct capture {
	int saved_fd;
	FILE *file;
};

static void capture_start(struct capture *c)
{
	fflush(stderr);
	c->file = tmpfile();
	c->saved_fd = dup(2);
	if (!c->file || c->saved_fd < 0 || dup2(fileno(c->file), 2) < 0)
		die("cannot capture stderr: %s", strerror(errno));
}

/* Stop capturing; returns what was written (malloc'd). */
static char *capture_end(struct capture *c)
{
	struct strbuf sb;
	char chunk[4096], *out;
	size_t n;

	fflush(stderr);
	dup2(c->saved_fd, 2);
	close(c->saved_fd);
	strbuf_init(&sb);
	rewind(c->file);
	while ((n = fread(chunk, 1, sizeof(chunk), c->file)) > 0)
		strbuf_add(&sb, chunk, n);
	fclose(c->file);
	out = strbuf_detach(&sb);
	strbuf_release(&sb); /* detach re-initialises */
	return out;
}

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* ---- json.c ---- */

/* Byte offset of line:col in 'text' (the inverse of offset_to_linecol). */
static size_t offset_of(const char *text, unsigned line, unsigned col)
{
	size_t off = 0;
	for (unsigned l = 1; l < line; off++)
		if (text[off] == '\n')
			l++;
	return off + col - 1;
}

/*
 * Every node of the tree has a position, the byte there starts a value
 * of the node's type, and every object member's key starts with a quote.
 */
static void check_positions(const struct json_doc *d, const cJSON *node,
			    bool member)
{
	unsigned line, col;
	char c;

	json_doc_pos(d, node, &line, &col);
	ASSERT_TRUE(line > 0 && col > 0);
	c = d->text[offset_of(d->text, line, col)];
	if (cJSON_IsObject(node))
		ASSERT_TRUE(c == '{');
	else if (cJSON_IsArray(node))
		ASSERT_TRUE(c == '[');
	else if (cJSON_IsString(node))
		ASSERT_TRUE(c == '"');
	else if (cJSON_IsNumber(node))
		ASSERT_TRUE(c == '-' || (c >= '0' && c <= '9'));
	else if (cJSON_IsTrue(node))
		ASSERT_TRUE(c == 't');
	else if (cJSON_IsFalse(node))
		ASSERT_TRUE(c == 'f');
	else
		ASSERT_TRUE(c == 'n');
	json_doc_key_pos(d, node, &line, &col);
	if (member) {
		ASSERT_TRUE(line > 0);
		ASSERT_TRUE(d->text[offset_of(d->text, line, col)] == '"');
	} else {
		ASSERT_TRUE(line == 0 && col == 0);
	}
	for (const cJSON *k = node->child; k; k = k->next)
		check_positions(d, k, cJSON_IsObject(node));
}

static void expect_pos(const struct json_doc *d, const cJSON *node,
		       unsigned want_line, unsigned want_col, int src_line)
{
	unsigned line, col;
	json_doc_pos(d, node, &line, &col);
	test_int(want_line, line, "line", __FILE__, src_line);
	test_int(want_col, col, "column", __FILE__, src_line);
}

static void expect_key_pos(const struct json_doc *d, const cJSON *node,
			   unsigned want_line, unsigned want_col, int src_line)
{
	unsigned line, col;
	json_doc_key_pos(d, node, &line, &col);
	test_int(want_line, line, "line", __FILE__, src_line);
	test_int(want_col, col, "column", __FILE__, src_line);
}

static void test_json_positions(void)
{
	static const char text[] =
		"{\n"
		"  \"a\": [1, -2.5e3, true, false, null],\n"
		"  \"b\\\"\\u00e9\": {\"c\": \"x\\ty\", \"d\": {}},\n"
		"\t\"e\" :\r\n"
		"    [ [ ] ,\"\\\\\" ]\n"
		"}\n";
	struct json_doc d;
	const cJSON *a, *b, *c, *dd, *e;

	ASSERT_TRUE(json_doc_parse(&d, "t.json", text) == 0);
	check_positions(&d, d.root, false);
	expect_pos(&d, d.root, 1, 1, __LINE__);
	a = cJSON_GetObjectItemCaseSensitive(d.root, "a");
	expect_key_pos(&d, a, 2, 3, __LINE__);
	expect_pos(&d, a, 2, 8, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(a, 0), 2, 9, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(a, 1), 2, 12, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(a, 2), 2, 20, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(a, 3), 2, 26, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(a, 4), 2, 33, __LINE__);
	/* a key with escapes: b"é */
	b = cJSON_GetObjectItemCaseSensitive(d.root, "b\"\xc3\xa9");
	ASSERT_TRUE(b != NULL);
	expect_key_pos(&d, b, 3, 3, __LINE__);
	expect_pos(&d, b, 3, 16, __LINE__);
	c = cJSON_GetObjectItemCaseSensitive(b, "c");
	expect_key_pos(&d, c, 3, 17, __LINE__);
	expect_pos(&d, c, 3, 22, __LINE__);
	ASSERT_STR("x\ty", c->valuestring);
	dd = cJSON_GetObjectItemCaseSensitive(b, "d");
	expect_key_pos(&d, dd, 3, 30, __LINE__);
	expect_pos(&d, dd, 3, 35, __LINE__);
	/* a tab counts as one column, CRLF ends a line */
	e = cJSON_GetObjectItemCaseSensitive(d.root, "e");
	expect_key_pos(&d, e, 4, 2, __LINE__);
	expect_pos(&d, e, 5, 5, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(e, 0), 5, 7, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(e, 1), 5, 12, __LINE__);
	/* nodes from elsewhere, and keys of non-members, are unknown */
	expect_key_pos(&d, cJSON_GetArrayItem(a, 0), 0, 0, __LINE__);
	expect_pos(&d, NULL, 0, 0, __LINE__);
	json_doc_release(&d);
	ASSERT_TRUE(d.root == NULL && d.npos == 0);
}

static void test_json_bom_and_scalars(void)
{
	struct json_doc d;

	/* the BOM is skipped and not counted in columns */
	ASSERT_TRUE(json_doc_parse(&d, "t.json", "\xef\xbb\xbf [\"x\", 7]") == 0);
	ASSERT_TRUE(d.text[0] == ' ');
	expect_pos(&d, d.root, 1, 2, __LINE__);
	expect_pos(&d, cJSON_GetArrayItem(d.root, 1), 1, 8, __LINE__);
	json_doc_release(&d);

	/* a scalar at the top level, surrounded by whitespace */
	ASSERT_TRUE(json_doc_parse(&d, "t.json", "\n\n   \"top\"  \n") == 0);
	ASSERT_TRUE(cJSON_IsString(d.root));
	expect_pos(&d, d.root, 3, 4, __LINE__);
	json_doc_release(&d);

	/* an empty container and a long number */
	ASSERT_TRUE(json_doc_parse(&d, "t.json",
			      "[{}, 123456789012345678901234567890123456789"
			      "01234567890123456789012345678901234567890]") ==
	       0);
	expect_pos(&d, cJSON_GetArrayItem(d.root, 1), 1, 6, __LINE__);
	json_doc_release(&d);
}

static void test_json_string_pos(void)
{
	/* decoded: a é(2 bytes) \n b U+1F600(4 bytes) c */
	static const char text[] = "[\"a\\u00e9\\nb\\ud83d\\ude00c\"]";
	static const struct {
		size_t index;
		unsigned col;
	} cases[] = {
		{0, 3},	 {1, 4},  {2, 4},  {3, 10}, {4, 12},  {5, 13},
		{8, 13}, {9, 25}, {10, 26}, {99, 26}, {SIZE_MAX, 26},
	};
	struct json_doc d;
	const cJSON *s;
	unsigned line, col;

	ASSERT_TRUE(json_doc_parse(&d, "t.json", text) == 0);
	s = cJSON_GetArrayItem(d.root, 0);
	ASSERT(10, strlen(s->valuestring));
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		json_doc_string_pos(&d, s, cases[i].index, &line, &col);
		ASSERT(1, line);
		ASSERT(cases[i].col, col);
	}
	json_doc_string_pos(&d, d.root, 0, &line, &col);
	ASSERT_TRUE(line == 0 && col == 0);
	json_doc_release(&d);
}

static void test_json_errors(void)
{
	static const struct {
		const char *text, *pos, *msg;
	} cases[] = {
		{"", "1:1", "expected a value, found end of input"},
		{"  \n ", "2:2", "expected a value"},
		{"[1,]", "1:4", "expected a value after ',', found ']'"},
		{"[1 2]", "1:4",
		 "expected ',' or ']' after an array element, found '2'"},
		{"[", "1:2", "expected a value or ']', found end of input"},
		{"{\"a\" 1}", "1:6", "expected ':' after the key, found '1'"},
		{"{1:2}", "1:2", "expected a string key or '}', found '1'"},
		{"{\"a\":1,}", "1:8",
		 "expected a string key after ',', found '}'"},
		{"{\"a\":}", "1:6", "expected a value after ':', found '}'"},
		{"{\"a\":1", "1:7",
		 "expected ',' or '}' after an object member, found end of "
		 "input"},
		{"{'a': 1}", "1:2",
		 "expected a string key or '}', found a single quote"},
		{"{\n  \"a\": 1\n  \"b\": 2\n}", "3:3",
		 "expected ',' or '}' after an object member, found a string"},
		{"[1] x", "1:5",
		 "expected end of input after the top-level value, found 'x'"},
		{"[] []", "1:4", "expected end of input"},
		{"[01]", "1:2", "leading zeros are not allowed in numbers"},
		{"[-01]", "1:2", "leading zeros"},
		{"[1.]", "1:4", "expected a digit after '.', found ']'"},
		{"[.5]", "1:2", "expected a value or ']', found '.'"},
		{"[-]", "1:3", "expected a digit after '-', found ']'"},
		{"[-x]", "1:3", "expected a digit after '-', found 'x'"},
		{"[1e+]", "1:5", "expected a digit in the exponent, found ']'"},
		{"[+1]", "1:2", "expected a value or ']', found '+'"},
		{"[True]", "1:2", "expected a value or ']', found 'True'"},
		{"[nul]", "1:2", "expected a value or ']', found 'nul'"},
		{"[1, truex]", "1:5",
		 "expected a value after ',', found 'truex'"},
		{"[\"abc", "1:2",
		 "unterminated string: expected a closing '\"'"},
		{"[\"ab\ncd\"]", "1:2",
		 "unterminated string: expected a closing '\"' before the "
		 "end of the line"},
		{"[\"a\\", "1:2", "unterminated string"},
		{"[\"a\\x\"]", "1:4",
		 "invalid escape '\\x' in string: expected one of"},
		{"[\"\\u12G4\"]", "1:3", "expected 4 hex digits after '\\u'"},
		{"[\"\\u12\"]", "1:3", "expected 4 hex digits after '\\u'"},
		{"[\"\\uDC00\"]", "1:3", "unpaired UTF-16 surrogate '\\uDC00'"},
		{"[\"\\uD800x\"]", "1:3",
		 "unpaired UTF-16 surrogate '\\uD800': expected a low "
		 "surrogate"},
		{"[\"\\uD800\\u0041\"]", "1:3", "unpaired UTF-16 surrogate"},
		{"[\"a\tb\"]", "1:4",
		 "control character 0x09 in string: write it as \\u0009"},
		{"[1,\f2]", "1:4",
		 "expected a value after ',', found control character 0x0c"},
		{"\xef\xbb\xbf[1,]", "1:4", "expected a value after ','"},
		{"[\xe2\x80\x9cx\xe2\x80\x9d]", "1:2",
		 "expected a value or ']', found '\xe2\x80\x9c'"},
		{"[\xff]", "1:2", "expected a value or ']', found byte 0xff"},
		{"[1,\r\n 2,\r\n x]", "3:2",
		 "expected a value after ',', found 'x'"},
		{"// comment\n[]", "1:1", "expected a value, found '/'"},
	};

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct json_doc d;
		struct capture cap;
		struct strbuf want;
		int ret;

		capture_start(&cap);
		ret = json_doc_parse(&d, "t.json", cases[i].text);
		char *out = capture_end(&cap);
		if (ret != -1)
			fprintf(stderr, "case %zu: '%s' parsed\n", i,
				cases[i].text);
		ASSERT_TRUE(ret == -1);
		ASSERT_TRUE(d.root == NULL);
		strbuf_init(&want);
		strbuf_addf(&want, "t.json:%s: error: invalid JSON: %s",
			    cases[i].pos, cases[i].msg);
		ASSERT_HAS(out, want.buf);
		ASSERT(1, count_of(out, "error:"));
		json_doc_release(&d); /* harmless after a failure */
		strbuf_release(&want);
		free(out);
	}
}

static void test_json_caret(void)
{
	struct json_doc d;
	struct capture cap;

	capture_start(&cap);
	ASSERT_TRUE(json_doc_parse(&d, "t.json", "{\n  \"k\": [1 2]\n}") == -1);
	char *out = capture_end(&cap);
	ASSERT_STR("t.json:2:11: error: invalid JSON: expected ',' or ']' "
		   "after an array element, found '2'\n"
		   "      \"k\": [1 2]\n"
		   "              ^\n",
		   out);
	free(out);
}

static char *nested(size_t depth, const char *open, const char *close)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < depth; i++)
		strbuf_adds(&sb, open);
	for (size_t i = 0; i < depth; i++)
		strbuf_adds(&sb, close);
	char *out = strbuf_detach(&sb);
	strbuf_release(&sb);
	return out;
}

static void test_json_nesting(void)
{
	struct json_doc d;
	struct capture cap;
	char *ok = nested(CJSON_NESTING_LIMIT, "[", "]");
	char *deep = nested(CJSON_NESTING_LIMIT + 1, "[", "]");
	char *deep_obj = nested(CJSON_NESTING_LIMIT + 1, "{\"k\":", "}");

	ASSERT_TRUE(json_doc_parse(&d, "t.json", ok) == 0);
	check_positions(&d, d.root, false);
	json_doc_release(&d);

	capture_start(&cap);
	ASSERT_TRUE(json_doc_parse(&d, "t.json", deep) == -1);
	char *out = capture_end(&cap);
	ASSERT_HAS(out, "t.json:1:1001: error: invalid JSON: nesting deeper "
			"than 1000 levels");
	free(out);

	capture_start(&cap);
	ASSERT_TRUE(json_doc_parse(&d, "t.json", deep_obj) == -1);
	out = capture_end(&cap);
	ASSERT_HAS(out, "t.json:1:5001: error: invalid JSON: nesting deeper");
	free(out);
	free(ok);
	free(deep);
	free(deep_obj);
}

static void test_json_doc_error(void)
{
	struct json_doc d;
	struct capture cap;

	static const char text[] = "{\"a\": \"x\\ny\", \"b\": -1.5e2}";

	ASSERT_TRUE(json_doc_parse(&d, "t.json", text) == 0);
	capture_start(&cap);
	ASSERT_TRUE(json_doc_error(&d, cJSON_GetObjectItemCaseSensitive(d.root, "a"),
			      "bad %s", "string") == -1);
	ASSERT_TRUE(json_doc_error(&d, cJSON_GetObjectItemCaseSensitive(d.root, "b"),
			      "bad number") == -1);
	ASSERT_TRUE(json_doc_error(&d, d.root, "bad object") == -1);
	char *out = capture_end(&cap);
	ASSERT_HAS(out, "t.json:1:7: error: bad string\n");
	ASSERT_HAS(out, "\n          ^~~~~~\n"); /* "x\ny" underlined */
	ASSERT_HAS(out, "t.json:1:20: error: bad number\n");
	ASSERT_HAS(out, "\n                       ^~~~~~\n");
	ASSERT_HAS(out, "t.json:1:1: error: bad object\n");
	free(out);
	ASSERT_STR("a number", json_type_name(
				       cJSON_GetObjectItemCaseSensitive(d.root,
									"b")));
	ASSERT_STR("an object", json_type_name(d.root));
	json_doc_release(&d);
}

/* ---- compdb.c: paths and splitting ---- */

static void test_abspath(void)
{
	static const struct {
		const char *base, *path, *want;
	} cases[] = {
		{"/a/b", "c.c", "/a/b/c.c"},
		{"/a/b", "./c.c", "/a/b/c.c"},
		{"/a/b", "../c.c", "/a/c.c"},
		{"/a/b", "../../../../c.c", "/c.c"},
		{"/a/b", "/x//y/./z/../w.c", "/x/y/w.c"},
		{"/a/b/", "", "/a/b"},
		{"/a/b", ".", "/a/b"},
		{"/a/b", "..", "/a"},
		{"/", "..", "/"},
		{"/a/./b/../", "c/", "/a/c"},
		{"//a", "b", "/a/b"},
		{"/a", "b c/d e.c", "/a/b c/d e.c"},
		{"/a", "...", "/a/..."},
		{"/a", "..x/.y", "/a/..x/.y"},
		{NULL, "/abs", "/abs"},
	};
	struct arena a;
	char cwd[4096];

	arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		ASSERT_STR(cases[i].want,
			   compdb_abspath(&a, cases[i].base, cases[i].path));
	ASSERT_TRUE(getcwd(cwd, sizeof(cwd)));
	ASSERT_STR(compdb_abspath(&a, NULL, cwd),
		   compdb_abspath(&a, NULL, "."));
	ASSERT_STR(compdb_abspath(&a, cwd, "x/y.c"),
		   compdb_abspath(&a, NULL, "x/y.c"));
	/* a relative base is relative to the current directory */
	ASSERT_STR(compdb_abspath(&a, cwd, "sub/f.c"),
		   compdb_abspath(&a, "sub", "f.c"));
	arena_release(&a);
}

static void test_split(void)
{
	static const struct {
		const char *cmd;
		const char *want[6]; /* NULL-terminated */
		int ret;
		size_t bad;
	} cases[] = {
		{"cc -c a.c", {"cc", "-c", "a.c"}, 0, 0},
		{"  cc\t-c \n a.c  ", {"cc", "-c", "a.c"}, 0, 0},
		{"cc 'my dir/a.c'", {"cc", "my dir/a.c"}, 0, 0},
		{"cc \"my dir/a.c\"", {"cc", "my dir/a.c"}, 0, 0},
		{"cc my\\ dir/a.c", {"cc", "my dir/a.c"}, 0, 0},
		{"-DX=\"a b\"c'd e'", {"-DX=a bcd e"}, 0, 0},
		{"-DMSG=\"\\\"hi\\\"\"", {"-DMSG=\"hi\""}, 0, 0},
		{"'a\\b' \"a\\\\b\" \"a\\qb\" a\\qb", {"a\\b", "a\\b", "aqb",
							"aqb"}, 0, 0},
		{"'a\"b' \"a'b\"", {"a\"b", "a'b"}, 0, 0},
		{"'' \"\" x", {"", "", "x"}, 0, 0},
		{"a b\\", {"a", "b"}, 0, 0},
		{"a \\", {"a"}, 0, 0},
		{"", {NULL}, 0, 0},
		{" \t\n ", {NULL}, 0, 0},
		{"cc 'unterminated", {"cc", "unterminated"}, -1, 3},
		{"cc -DX=\"a b", {"cc", "-DX=a b"}, -1, 7},
		{"cc \"x\\\"", {"cc", "x\""}, -1, 3},
		{"cc \"x\\", {"cc", "x\\"}, -1, 3},
	};
	struct arena a;

	arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char **argv;
		size_t argc, bad = 12345, n = 0;
		int ret = compdb_split_command(&a, cases[i].cmd, &argv, &argc,
					       &bad);
		while (cases[i].want[n])
			n++;
		if (ret != cases[i].ret || argc != n)
			fprintf(stderr, "split case %zu: [%s]\n", i,
				cases[i].cmd);
		ASSERT_TRUE(ret == cases[i].ret);
		ASSERT(n, argc);
		for (size_t k = 0; k < n; k++)
			ASSERT_STR(cases[i].want[k], argv[k]);
		ASSERT(ret ? cases[i].bad : 12345, bad);
	}
	arena_release(&a);
}

/* ---- compdb.c: loading ---- */

static const char *fixture(struct arena *a, const char *dir, const char *name)
{
	return arena_printf(a, "%s/%s", dir, name);
}

/* cmd->args must be exactly the NULL-terminated 'want'. */
static void expect_args(const struct compile_command *cmd,
			const char *const *want, int src_line)
{
	size_t n = 0;
	while (want[n])
		n++;
	if (!test_int((long long)n, (long long)cmd->nargs, "cmd->nargs",
		      __FILE__, src_line)) {
		for (size_t i = 0; i < cmd->nargs; i++)
			fprintf(stderr, " [%s]", cmd->args[i]);
		fputc('\n', stderr);
		return;
	}
	for (size_t i = 0; i < n; i++)
		test_str(want[i], cmd->args[i], "argument", __FILE__, src_line);
}

#define ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})

static void test_load(const char *dir)
{
	struct arena a;
	struct compdb db;
	const struct compile_command *c;
	const char *fdir, *path;

	arena_init(&a);
	fdir = compdb_abspath(&a, NULL, dir);
	path = fixture(&a, dir, "compile_commands.json");
	ASSERT_TRUE(compdb_load(&db, path) == 0);
	ASSERT_STR(path, db.path);
	ASSERT(12, db.n);

	/* "arguments", C++ driver by path, output options, relative file */
	c = &db.cmds[0];
	ASSERT(2, c->line);
	ASSERT(3, c->col);
	ASSERT_STR("/work/build", c->directory);
	ASSERT_STR("/work/src/a.cpp", c->file);
	ASSERT_STR("CMakeFiles/a.dir/a.cpp.o", c->output);
	ASSERT_TRUE(c->first);
	expect_args(c,
		    ARGS("--driver-mode=g++", "-std=c++20", "-I../include",
			 "-DNAME=\"x y\"", "-working-directory", "/work/build"),
		    __LINE__);

	/* "command": quotes, escapes, spaces in paths, dependency options */
	c = &db.cmds[1];
	ASSERT(9, c->line);
	ASSERT_STR("/work/proj/dir with space/b.c", c->file);
	ASSERT_TRUE(c->output == NULL);
	expect_args(c,
		    ARGS("-I/opt/my include", "-DMSG=\"hi there\"",
			 "-working-directory", "/work/proj"),
		    __LINE__);

	/* relative directory (to the database), ccache, "--" */
	c = &db.cmds[2];
	ASSERT(14, c->line);
	ASSERT_STR(fdir, c->directory);
	ASSERT_STR(arena_printf(&a, "%s/c.c", fdir), c->file);
	expect_args(c,
		    ARGS("-xc", "-std=c11", "-Wall", "-working-directory",
			 fdir),
		    __LINE__);

	/* a header compiled by a versioned, prefixed g++ */
	c = &db.cmds[3];
	ASSERT_STR("/work/hdr/h.h", c->file);
	expect_args(c,
		    ARGS("--driver-mode=g++", "-Iinc", "-x", "c++-header",
			 "-working-directory", "/work/hdr"),
		    __LINE__);

	/* the same file again: kept, but not first; lookups find entry 0 */
	c = &db.cmds[4];
	ASSERT_STR("/work/src/a.cpp", c->file);
	ASSERT_TRUE(!c->first);
	expect_args(c,
		    ARGS("--driver-mode=g++", "-DRELEASE", "-working-directory",
			 "/work/build"),
		    __LINE__);
	ASSERT_TRUE(compdb_lookup(&db, "/work/src/a.cpp") == &db.cmds[0]);

	/* response files (one missing) and an unknown key */
	c = &db.cmds[5];
	expect_args(c,
		    ARGS("--driver-mode=g++", "-DFROM_RSP",
			 "-I/path with space", "@missing.rsp",
			 "-working-directory", fdir),
		    __LINE__);

	/* values of separate-value options, other inputs, joined outputs */
	c = &db.cmds[6];
	expect_args(c,
		    ARGS("-include", "pre.h", "-x", "c", "lib.a",
			 "-objc-isystem", "objc", "-working-directory",
			 "/work/e"),
		    __LINE__);

	/* clang-cl */
	c = &db.cmds[7];
	expect_args(c,
		    ARGS("--driver-mode=cl", "/nologo", "/DWIN",
			 "-working-directory", "/work/win"),
		    __LINE__);

	/* g++ on a .c file; explicit --driver-mode=g++ on a .h file */
	expect_args(&db.cmds[8],
		    ARGS("--driver-mode=g++", "-x", "c++", "-working-directory",
			 "/work/g"),
		    __LINE__);
	expect_args(&db.cmds[9],
		    ARGS("--driver-mode=g++", "-x", "c++-header",
			 "-working-directory", "/work/g"),
		    __LINE__);

	/* "sub/.." as directory, "../up.c" as file, tabs in "command" */
	c = &db.cmds[10];
	ASSERT_STR(fdir, c->directory);
	ASSERT_STR(compdb_abspath(&a, fdir, "../up.c"), c->file);
	expect_args(c, ARGS("-working-directory", fdir), __LINE__);

	/* an empty argument is an input like any other; a final -o */
	expect_args(&db.cmds[11], ARGS("", "-working-directory", "/work/z"),
		    __LINE__);

	/* lookups */
	for (size_t i = 0; i < db.n; i++)
		if (db.cmds[i].first)
			ASSERT_TRUE(compdb_lookup(&db, db.cmds[i].file) ==
			       &db.cmds[i]);
	ASSERT_TRUE(compdb_lookup(&db, "/work/src/b.cpp") == NULL);
	ASSERT_TRUE(compdb_lookup(&db, "/work/src") == NULL);
	ASSERT_TRUE(compdb_lookup(&db, "/") == NULL);
	ASSERT_TRUE(compdb_lookup(&db, "/work/src/../src/a.cpp") == NULL);
	ASSERT_TRUE(compdb_lookup(&db, compdb_abspath(&a, NULL,
						 "/work/src/../src/a.cpp")) ==
	       &db.cmds[0]);
	compdb_release(&db);
	ASSERT_TRUE(db.n == 0 && db.cmds == NULL);

	/* an empty array is a database without commands */
	ASSERT_TRUE(compdb_load(&db, fixture(&a, dir, "empty.json")) == 0);
	ASSERT(0, db.n);
	ASSERT_TRUE(compdb_lookup(&db, "/x/a.c") == NULL);
	compdb_release(&db);

	/* a BOM: positions do not count it */
	ASSERT_TRUE(compdb_load(&db, fixture(&a, dir, "bom.json")) == 0);
	ASSERT(1, db.n);
	ASSERT(1, db.cmds[0].line);
	ASSERT(2, db.cmds[0].col);
	ASSERT_STR("/x/a.c", db.cmds[0].file);
	expect_args(&db.cmds[0], ARGS("-working-directory", "/x"), __LINE__);
	compdb_release(&db);
	arena_release(&a);
}

/* Load 'name' from 'dir', expecting failure; returns stderr (malloc'd). */
static char *load_failing(struct arena *a, const char *dir, const char *name)
{
	struct compdb db;
	struct capture cap;
	int ret;

	capture_start(&cap);
	ret = compdb_load(&db, fixture(a, dir, name));
	char *out = capture_end(&cap);
	ASSERT_TRUE(ret == -1);
	ASSERT_TRUE(db.n == 0 && db.cmds == NULL && db.by_file == NULL);
	compdb_release(&db); /* harmless */
	return out;
}

static void test_load_errors(const char *dir)
{
	static const struct {
		const char *name, *pos, *msg;
	} cases[] = {
		{"not_array.json", "1:1",
		 "expected an array of compile commands at the top level, "
		 "found an object"},
		{"entry_not_object.json", "3:3",
		 "expected an object for each compile command, found a string"},
		{"dir_type.json", "2:17",
		 "expected a string for 'directory', found a number"},
		{"file_type.json", "3:12",
		 "expected a string for 'file', found an array"},
		{"command_type.json", "2:49",
		 "expected a string for 'command', found null"},
		{"output_type.json", "2:72",
		 "expected a string for 'output', found true"},
		{"missing_dir.json", "3:5",
		 "compile command has no 'directory': expected the working "
		 "directory of the compilation"},
		{"missing_file.json", "2:3",
		 "compile command has no 'file': expected the path of the "
		 "source file"},
		{"missing_command.json", "2:3",
		 "compile command has neither 'arguments' nor 'command': "
		 "expected the compiler's command line"},
		{"args_type.json", "2:51",
		 "expected an array of strings for 'arguments', found a "
		 "string"},
		{"args_elem.json", "3:30",
		 "expected a string in 'arguments', found a number"},
		{"args_empty.json", "2:51",
		 "expected the compiler and its arguments in 'arguments', "
		 "found an empty array"},
		{"file_empty.json", "2:31",
		 "expected a path for 'file', found an empty string"},
		{"command_empty.json", "2:49",
		 "expected the compiler and its arguments in 'command', "
		 "found only whitespace"},
		{"quote_double.json", "2:57",
		 "unterminated double quote in 'command': expected a closing "
		 "'\"'"},
		{"quote_single.json", "2:56",
		 "unterminated single quote in 'command': expected a closing "
		 "\"'\""},
		{"syntax.json", "3:4",
		 "invalid JSON: expected ',' or '}' after an object member, "
		 "found a string"},
		{"trailing.json", "3:2",
		 "invalid JSON: expected end of input after the top-level "
		 "value, found ','"},
		{"nul.json", "2:37", "invalid JSON: unexpected NUL byte"},
		{"bom_error.json", "1:30",
		 "expected a string for 'file', found a number"},
	};
	struct arena a;
	char *out;

	arena_init(&a);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		const char *want = arena_printf(&a, "%s:%s: error: %s\n",
						cases[i].name, cases[i].pos,
						cases[i].msg);
		out = load_failing(&a, dir, cases[i].name);
		ASSERT_HAS(out, want);
		ASSERT(1, count_of(out, "error:"));
		free(out);
	}

	/* the source line and the caret, under the whole value if scalar */
	out = load_failing(&a, dir, "dir_type.json");
	ASSERT_HAS(out, "dir_type.json:2:17: error: expected a string for "
			"'directory', found a number\n"
			"      {\"directory\": 42, \"file\": \"a.c\", "
			"\"command\": \"cc -c a.c\"}\n"
			"                    ^~\n");
	free(out);
	out = load_failing(&a, dir, "not_array.json");
	ASSERT_HAS(out, "\n    {\"directory\": \"/\"}\n    ^\n");
	free(out);
	/* inside "command", the caret is on the quote's escape */
	out = load_failing(&a, dir, "quote_double.json");
	ASSERT_HAS(out, "\"command\": \"cc -DX=\\\"a b -c a.c\"}\n"
			"                                                     "
			"       ^\n");
	free(out);
	out = load_failing(&a, dir, "no_such_file.json");
	ASSERT_HAS(out, "await-holding: error: cannot open '");
	ASSERT_HAS(out, "no_such_file.json': No such file or directory\n");
	free(out);

	/* many bad entries: 20 messages, then one giving up */
	out = load_failing(&a, dir, "many_errors.json");
	ASSERT(21, count_of(out, "error:"));
	ASSERT_HAS(out, "many_errors.json:2:17: error: expected a string for "
			"'directory', found a number\n");
	ASSERT_HAS(out, "many_errors.json:21:17: error: expected a string");
	ASSERT_TRUE(!strstr(out, "many_errors.json:22:17:"));
	ASSERT_HAS(out, "await-holding: error: too many errors in '");
	free(out);
	arena_release(&a);
}

/* ---- big databases, fixed databases, finding the database ---- */

static char *make_temp_dir(void)
{
	char *tmpl = xstrdup("/tmp/test_compdb.XXXXXX");
	if (!mkdtemp(tmpl))
		die("mkdtemp: %s", strerror(errno));
	return tmpl;
}

static void write_text(const char *path, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f))
		die("cannot write '%s'", path);
}

static void test_large(const char *tmp)
{
	enum { N = 30000 };
	struct strbuf sb;
	struct compdb db;
	struct arena a;
	size_t firsts = 0;
	const char *path;

	arena_init(&a);
	path = arena_printf(&a, "%s/large.json", tmp);
	strbuf_init(&sb);
	strbuf_adds(&sb, "[\n");
	for (size_t i = 0; i < N; i++) {
		/* every tenth entry builds an earlier file again */
		size_t f = i % 10 == 9 ? i / 2 : i;
		strbuf_addf(&sb,
			    "%s{\"directory\": \"/src/d%zu\", \"file\": "
			    "\"f%zu.cpp\", \"arguments\": [\"c++\", "
			    "\"-DI=%zu\", \"-c\", \"f%zu.cpp\"]}\n",
			    i ? "," : "", f % 100, f, i, f);
	}
	strbuf_adds(&sb, "]\n");
	write_text(path, sb.buf, sb.len);
	strbuf_release(&sb);

	ASSERT_TRUE(compdb_load(&db, path) == 0);
	ASSERT(N, db.n);
	for (size_t i = 0; i < N; i++) {
		const struct compile_command *c = &db.cmds[i];
		const struct compile_command *found;
		size_t f = i % 10 == 9 ? i / 2 : i;
		bool again = i % 10 == 9 && f % 10 != 9;
		firsts += c->first;
		ASSERT_TRUE(c->first == !again);
		ASSERT(i + 2, c->line);
		found = compdb_lookup(&db, c->file);
		ASSERT_TRUE(found == (again ? &db.cmds[f] : c));
		size_t at = (size_t)(found - db.cmds);
		ASSERT_STR(arena_printf(&a, "-DI=%zu", at), found->args[1]);
	}
	ASSERT_TRUE(firsts < N);
	compdb_release(&db);
	unlink(path);
	arena_release(&a);
}

static void test_fixed(void)
{
	static const char *const files[] = {"a.c", "/abs/b.cpp", "./a.c"};
	static const char *const args[] = {"-std=c++20", "-Iinc"};
	struct compdb db;
	struct arena a;
	const char *cwd;

	arena_init(&a);
	cwd = compdb_abspath(&a, NULL, ".");
	compdb_init_fixed(&db, files, 3, args, 2);
	ASSERT(3, db.n);
	ASSERT_STR("<command line>", db.path);
	ASSERT_STR(arena_printf(&a, "%s/a.c", strcmp(cwd, "/") ? cwd : ""),
		   db.cmds[0].file);
	ASSERT_STR("/abs/b.cpp", db.cmds[1].file);
	ASSERT_STR(cwd, db.cmds[1].directory);
	ASSERT_TRUE(db.cmds[0].first && db.cmds[1].first && !db.cmds[2].first);
	expect_args(&db.cmds[2], ARGS("-std=c++20", "-Iinc"), __LINE__);
	ASSERT_TRUE(db.cmds[0].args[0] != args[0]); /* copied */
	ASSERT_TRUE(compdb_lookup(&db, db.cmds[0].file) == &db.cmds[0]);
	ASSERT_TRUE(compdb_lookup(&db, "/abs/b.cpp") == &db.cmds[1]);
	compdb_release(&db);

	compdb_init_fixed(&db, NULL, 0, NULL, 0);
	ASSERT(0, db.n);
	ASSERT_TRUE(compdb_lookup(&db, "/a.c") == NULL);
	compdb_release(&db);
	arena_release(&a);
}

static void test_find_dir(const char *dir, const char *tmp)
{
	struct arena a;
	char *found = NULL;
	const char *fdir;

	arena_init(&a);
	fdir = compdb_abspath(&a, NULL, dir);

	/* the fixture directory holds a compile_commands.json */
	ASSERT_TRUE(compdb_find_dir(dir, &found) == 0);
	ASSERT_STR(fdir, found);
	free(found);
	/* start directories need not exist: the walk is by name */
	ASSERT_TRUE(compdb_find_dir(arena_printf(&a, "%s/no/such/dir", dir),
			       &found) == 0);
	ASSERT_STR(fdir, found);
	free(found);

	/* tmp/compile_commands.json is found from tmp/a/b; a directory of
	   that name in tmp/a is not a database */
	const char *sub = arena_printf(&a, "%s/a", tmp);
	const char *subsub = arena_printf(&a, "%s/a/b", tmp);
	const char *decoy = arena_printf(&a, "%s/a/compile_commands.json", tmp);
	const char *db = arena_printf(&a, "%s/compile_commands.json", tmp);
	ASSERT_TRUE(mkdir(sub, 0700) == 0 && mkdir(subsub, 0700) == 0);
	ASSERT_TRUE(mkdir(decoy, 0700) == 0);
	write_text(db, "[]", 2);
	ASSERT_TRUE(compdb_find_dir(subsub, &found) == 0);
	ASSERT_STR(tmp, found);
	free(found);
	ASSERT_TRUE(compdb_find_dir(arena_printf(&a, "%s/a/b/../../a/./b", tmp),
			       &found) == 0);
	ASSERT_STR(tmp, found);
	free(found);
	unlink(db);
	rmdir(decoy);
	rmdir(subsub);
	rmdir(sub);

	/* nothing above "/" (when the machine has no /compile_commands.json) */
	if (access("/compile_commands.json", F_OK) != 0) {
		found = NULL;
		ASSERT_TRUE(compdb_find_dir("/", &found) == -1);
		ASSERT_TRUE(found == NULL);
	}
	arena_release(&a);
}

/* ---- robustness: truncated and mutated inputs ---- */

static unsigned long next_random(unsigned long *state)
{
	*state = *state * 6364136223846793005UL + 1442695040888963407UL;
	return *state >> 33;
}

/* Parse 'text'; when it is accepted, every node must have a position. */
static void parse_any(const char *text)
{
	struct json_doc d;
	if (json_doc_parse(&d, "fuzz.json", text) == 0) {
		check_positions(&d, d.root, false);
		json_doc_release(&d);
	}
}

static void load_any(const char *path, const char *text, size_t len)
{
	struct compdb db;

	write_text(path, text, len);
	if (compdb_load(&db, path) == 0) {
		for (size_t i = 0; i < db.n; i++) {
			const struct compile_command *c = &db.cmds[i];
			ASSERT_TRUE(c->file[0] == '/' && c->directory[0] == '/');
			ASSERT_TRUE(c->nargs >= 2);
			ASSERT_STR("-working-directory", c->args[c->nargs - 2]);
			ASSERT_TRUE(compdb_lookup(&db, c->file) != NULL);
		}
	}
	compdb_release(&db);
}

static void test_fuzz(const char *dir, const char *tmp)
{
	static const char *const names[] = {
		"compile_commands.json", "bom.json", "syntax.json",
		"quote_double.json", "args_elem.json", "nul.json",
	};
	static const char pool[] = "{}[]\",:\\ \n\t'0123-+.eEtfnu@/"
				   "\xef\xbb\xbf\x80";
	unsigned long seed = 12345;
	struct arena a;
	struct capture cap;
	const char *path;

	arena_init(&a);
	path = arena_printf(&a, "%s/fuzz.json", tmp);
	capture_start(&cap); /* the errors are expected: keep them quiet */
	for (size_t f = 0; f < ARRAY_SIZE(names); f++) {
		size_t len;
		char *text = read_file(fixture(&a, dir, names[f]), &len);
		ASSERT_TRUE(text != NULL);
		char *buf = xmalloc(len + 1);

		for (size_t cut = 0; cut <= len; cut++) {
			memcpy(buf, text, cut);
			buf[cut] = '\0';
			parse_any(buf);
			if (f == 0 && cut % 16 == 0)
				load_any(path, buf, cut);
		}
		for (int round = 0; round < 1500; round++) {
			memcpy(buf, text, len);
			buf[len] = '\0';
			for (int k = 0, n = 1 + (int)next_random(&seed) % 4;
			     k < n && len; k++) {
				size_t at = next_random(&seed) % len;
				/* the pool's NUL included */
				buf[at] = pool[next_random(&seed) %
					       sizeof(pool)];
			}
			parse_any(buf);
			if (round % 8 == 0)
				load_any(path, buf, len);
		}
		free(buf);
		free(text);
	}
	free(capture_end(&cap));
	unlink(path);
	arena_release(&a);
}

/* ---- lang.c: C or C++, decided in one place ---------------------------- */

static void test_lang(const char *tmp)
{
	const char *const *args;
	size_t n;
	const char *cxx_x[] = { "-x", "c++" }, *c_x[] = { "-xc" };
	const char *gxx[] = { "--driver-mode=g++" };

	ASSERT_TRUE(lang_is_header("a/b.hpp") && lang_is_header("x.h") &&
	       !lang_is_header("x.c") && !lang_is_header("x.cc"));
	ASSERT_TRUE(lang_parses_as_c("a.c", NULL, 0));
	ASSERT_TRUE(lang_parses_as_c("a.h", NULL, 0));
	ASSERT_TRUE(!lang_parses_as_c("a.cc", NULL, 0));
	ASSERT_TRUE(!lang_parses_as_c("a.c", cxx_x, 2));
	ASSERT_TRUE(lang_parses_as_c("a.cc", c_x, 1));
	ASSERT_TRUE(!lang_parses_as_c("a.c", gxx, 1));
	/* no database: C for .c, C++20 elsewhere, a C++-looking .h as C++ */
	lang_default_args("x.c", &args, &n);
	ASSERT(0, n);
	lang_default_args("x.cpp", &args, &n);
	ASSERT(1, n);
	ASSERT_STR("-std=c++20", args[0]);
	char path[512];
	snprintf(path, sizeof(path), "%s/cxx.h", tmp);
	FILE *f = fopen(path, "w");
	fputs("namespace n { int f(); }\n", f);
	fclose(f);
	lang_default_args(path, &args, &n);
	ASSERT(3, n);
	ASSERT_STR("c++-header", args[1]);
	unlink(path);
	lang_default_args(path, &args, &n); /* gone: as C */
	ASSERT(0, n);
	/* borrowing: a header from a C++ source is a C++ header */
	ASSERT_TRUE(lang_borrow_as_cxx_header("a.h", "b.cc"));
	ASSERT_TRUE(!lang_borrow_as_cxx_header("a.h", "b.c"));
	ASSERT_TRUE(!lang_borrow_as_cxx_header("a.cc", "b.cc"));
	ASSERT_STR("c++-header", lang_cxx_driver_x("a.h"));
	ASSERT_STR("c++", lang_cxx_driver_x("a.c"));
	ASSERT_TRUE(lang_cxx_driver_x("a.cc") == NULL);
}

/* ---- read_regular_file(): what a database or response file may be ------- */

static void test_read_regular(const char *tmp)
{
	const char *why = NULL;
	char path[512];
	size_t len;

	ASSERT_TRUE(read_regular_file("/dev/zero", &len, 1 << 20, &why) == NULL);
	ASSERT_STR("not a regular file", why);
	ASSERT_TRUE(read_regular_file(tmp, &len, 1 << 20, &why) == NULL);
	ASSERT_STR(strerror(EISDIR), why);
	snprintf(path, sizeof(path), "%s/nope", tmp);
	ASSERT_TRUE(read_regular_file(path, &len, 1 << 20, &why) == NULL);
	ASSERT_STR(strerror(ENOENT), why);
	/* a FIFO with no writer: refused at once, not waited on */
	snprintf(path, sizeof(path), "%s/fifo", tmp);
	ASSERT_TRUE(mkfifo(path, 0600) == 0);
	ASSERT_TRUE(read_regular_file(path, &len, 1 << 20, &why) == NULL);
	ASSERT_STR("not a regular file", why);
	unlink(path);
	/* the size limit */
	snprintf(path, sizeof(path), "%s/big", tmp);
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 1000; i++)
		fputs("0123456789", f);
	fclose(f);
	ASSERT_TRUE(read_regular_file(path, &len, 9999, &why) == NULL);
	ASSERT_STR("file too large", why);
	char *text = read_regular_file(path, &len, 10000, &why);
	ASSERT_TRUE(text != NULL);
	ASSERT(10000, len);
	free(text);
	unlink(path);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	char *tmp = make_temp_dir();

	test_json_positions();
	test_json_bom_and_scalars();
	test_json_string_pos();
	test_json_errors();
	test_json_caret();
	test_json_nesting();
	test_json_doc_error();
	test_abspath();
	test_split();
	test_load(argv[1]);
	test_load_errors(argv[1]);
	test_large(tmp);
	test_fixed();
	test_find_dir(argv[1], tmp);
	test_fuzz(argv[1], tmp);
	test_lang(tmp);
	test_read_regular(tmp);

	rmdir(tmp);
	free(tmp);
	return test_done("test_compdb");
}
