/*
 * test_verify.c - unit tests for verify.c: the marker parser, the header
 * parser and the matcher, on hand-built diagnostic lists.
 *
 * Usage: test_verify DIR, where DIR is checker/test/verify (the fixtures;
 * the tests use their line numbers).  Exits 1 if a check failed.
 */
#include "common.h"
#include "arena.h"
#include "diag.h"
#include "util.h"
#include "verify.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Per-test state: the fixture directory, an arena, the output of a run. */
struct t {
	const char *dir;
	struct arena a;
	struct diag_list l;
	char *out; /* what the last run printed (owned by 'a') */
};

static const char *fixture(struct t *t, const char *name)
{
	return arena_printf(&t->a, "%s/%s", t->dir, name);
}

static void t_init(struct t *t, const char *dir)
{
	t->dir = dir;
	arena_init(&t->a);
	diag_list_init(&t->l);
	t->out = NULL;
}

static void t_release(struct t *t)
{
	diag_list_release(&t->l);
	arena_release(&t->a);
}

/* Read 'f' from the start into 'a'; closes 'f'. */
static char *slurp(struct arena *a, FILE *f)
{
	struct strbuf sb;
	char buf[512];
	size_t n;
	char *s;

	strbuf_init(&sb);
	rewind(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	s = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return s;
}

/* verify_check() on fixture 'name' with t->l; output goes to t->out. */
static int run(struct t *t, const char *name)
{
	FILE *f = tmpfile();
	int ret;

	if (!f)
		die("tmpfile failed");
	ret = verify_check(fixture(t, name), &t->l, f);
	t->out = slurp(&t->a, f);
	return ret;
}

/* A std::lock_guard finding named 'name' at file:line with 'n' suspensions. */
static void warn(struct t *t, const char *file, unsigned line,
		 const char *name, const char *reason, struct suspension *s,
		 size_t n)
{
	struct finding f = {
		.loc = { fixture(t, file), line, 3 },
		.name = name,
		.type = "std::lock_guard<std::mutex>",
		.matched = "std::lock_guard",
		.reason = reason,
		.susp = s,
		.nsusp = n,
	};
	diag_list_push(&t->l, &f);
}

static struct src_loc at(struct t *t, const char *file, unsigned line,
			 unsigned col)
{
	return (struct src_loc){ fixture(t, file), line, col };
}

static void test_basic(const char *dir)
{
	struct t t;
	struct suspension s[2];

	t_init(&t, dir);
	s[0] = (struct suspension){ at(&t, "basic.cpp", 5, 3), SUSPEND_CO_AWAIT,
				    NULL, NULL };
	warn(&t, "basic.cpp", 4, "lk", NULL, s, 1);
	ASSERT(0, run(&t, "basic.cpp"));
	ASSERT_STR("", t.out);

	/* the whole text of the warning may be the marker */
	diag_list_release(&t.l);
	warn(&t, "basic.cpp", 4, "mu", NULL, s, 1);
	ASSERT(2, run(&t, "basic.cpp"));
	ASSERT_HAS(t.out, arena_printf(&t.a,
		"%s:4: error: expected warning not seen: {{'lk' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}\n",
		fixture(&t, "basic.cpp")));
	ASSERT_HAS(t.out, arena_printf(&t.a,
		"%s:4:3: error: unexpected warning seen: 'mu' of type 'std::lock_guard<std::mutex>' is held across a suspension point\n",
		fixture(&t, "basic.cpp")));

	/* nothing at all: both markers are missing */
	diag_list_release(&t.l);
	ASSERT(2, run(&t, "basic.cpp"));
	ASSERT_HAS(t.out, ":5: error: expected note not seen: {{suspended here by co_await}}\n");

	/* a second note on line 5 is one too many */
	s[1] = (struct suspension){ at(&t, "basic.cpp", 5, 20),
				    SUSPEND_CO_YIELD, NULL, NULL };
	warn(&t, "basic.cpp", 4, "lk", NULL, s, 2);
	ASSERT(1, run(&t, "basic.cpp"));
	ASSERT_HAS(t.out, ":5:20: error: unexpected note seen: suspended here by co_yield\n");

	/* right text on the wrong line: one missing, one unexpected */
	diag_list_release(&t.l);
	s[0].loc.line = 6;
	warn(&t, "basic.cpp", 4, "lk", NULL, s, 1);
	ASSERT(2, run(&t, "basic.cpp"));
	ASSERT_HAS(t.out, ":5: error: expected note not seen");
	ASSERT_HAS(t.out, ":6:3: error: unexpected note seen");

	/* right line and text, wrong severity */
	diag_list_release(&t.l);
	s[0].loc.line = 5;
	warn(&t, "basic.cpp", 4, "lk", NULL, s, 0);
	diag_list_add_problem(&t.l, PROBLEM_NOTE, &s[0].loc, "%s",
			      "suspended here by co_await");
	diag_list_add_problem(&t.l, PROBLEM_WARNING, &s[0].loc, "%s",
			      "suspended here by co_await");
	ASSERT(1, run(&t, "basic.cpp"));
	ASSERT_HAS(t.out, ":5:3: error: unexpected warning seen: suspended here by co_await\n");

	/* problems without a file are not matched; "./" names the same file */
	diag_list_release(&t.l);
	warn(&t, "basic.cpp", 4, "lk", NULL, s, 1);
	diag_list_add_problem(&t.l, PROBLEM_ERROR, NULL, "run-level");
	ASSERT(0, run(&t, "./basic.cpp"));
	t_release(&t);
}

/* The list that matches substr.cpp exactly; 'swap' reverses lines 14. */
static void substr_all(struct t *t, bool swap)
{
	const char *f = "substr.cpp";
	struct suspension s4[] = {
		{ at(t, f, 4, 3), SUSPEND_CO_AWAIT, NULL, NULL },
		{ at(t, f, 4, 20), SUSPEND_CO_AWAIT, NULL, NULL },
	};
	struct suspension s5 = { at(t, f, 5, 3), SUSPEND_CO_YIELD, NULL, NULL };
	struct suspension s9 = { at(t, f, 9, 3), SUSPEND_CALL, "sleep", NULL };
	struct suspension s13 = { at(t, f, 13, 5), SUSPEND_MACRO, "CO_WAIT", NULL };
	struct src_loc l8 = at(t, f, 8, 3);

	warn(t, f, 3, "x", NULL, s4, 2);
	warn(t, f, 5, "a", NULL, &s5, 1);
	warn(t, f, 5, "b", NULL, NULL, 0);
	warn(t, f, 7, "c", NULL, NULL, 0);
	diag_list_add_problem(&t->l, PROBLEM_ERROR, &l8,
			      "no member named '%s' in 'S'", "x");
	warn(t, f, 9, "r", "not reentrant", &s9, 1);
	warn(t, f, 16, "d", NULL, &s13, 1);
	warn(t, f, 14, swap ? "mu" : "lk", NULL, NULL, 0);
	warn(t, f, 14, swap ? "lk" : "mu", NULL, NULL, 0);
}

static void test_substr(const char *dir)
{
	struct t t;
	struct suspension s = { { NULL, 4, 40 }, SUSPEND_CO_AWAIT, NULL, NULL };

	t_init(&t, dir);
	substr_all(&t, false);
	ASSERT(0, run(&t, "substr.cpp"));
	ASSERT_STR("", t.out);

	/* the order of the list does not matter, even where one diagnostic
	   fits two markers ('lk' on line 14 fits both) */
	diag_list_release(&t.l);
	substr_all(&t, true);
	ASSERT(0, run(&t, "substr.cpp"));
	diag_list_sort(&t.l);
	ASSERT(0, run(&t, "substr.cpp"));

	/* count 2, seen 3 */
	s.loc.file = fixture(&t, "substr.cpp");
	warn(&t, "substr.cpp", 3, "x", NULL, &s, 1);
	ASSERT(2, run(&t, "substr.cpp"));
	ASSERT_HAS(t.out, ":3:3: error: unexpected warning seen: 'x' of type");
	ASSERT_HAS(t.out, ":4:40: error: unexpected note seen: suspended here by co_await\n");

	/* count 2, seen 1; and a marker placed with '@' names its line */
	diag_list_release(&t.l);
	substr_all(&t, false);
	t.l.findings[0].nsusp = 1;   /* 'x' */
	t.l.findings[3].loc.line = 8; /* 'c' */
	ASSERT(3, run(&t, "substr.cpp"));
	ASSERT_HAS(t.out, ":4: error: expected note not seen: {{co_await}} (seen 1 of 2)\n");
	ASSERT_HAS(t.out, ":7: error: expected warning not seen: {{'c'}} (marker on line 6)\n");
	ASSERT_HAS(t.out, ":8:3: error: unexpected warning seen: 'c' of type");

	/* the reason note and the error problem are matched too */
	diag_list_release(&t.l);
	substr_all(&t, false);
	t.l.findings[4].reason = NULL; /* 'r' */
	t.l.problems[0].kind = PROBLEM_WARNING;
	ASSERT(3, run(&t, "substr.cpp"));
	ASSERT_HAS(t.out, ":9: error: expected note not seen: {{reason: not reentrant}}\n");
	ASSERT_HAS(t.out, ":8: error: expected error not seen: {{no member named}}\n");
	ASSERT_HAS(t.out, ":8:3: error: unexpected warning seen: no member named 'x' in 'S'\n");
	t_release(&t);
}

static void test_no_diagnostics(const char *dir)
{
	struct t t;
	struct suspension s = { { NULL, 3, 3 }, SUSPEND_CO_AWAIT, NULL, NULL };

	t_init(&t, dir);
	ASSERT(0, run(&t, "no_diags.cpp"));
	s.loc.file = fixture(&t, "no_diags.cpp");
	warn(&t, "no_diags.cpp", 3, "no_warning_1", NULL, &s, 1);
	ASSERT(2, run(&t, "no_diags.cpp"));
	ASSERT_HAS(t.out, ":3:3: error: unexpected note seen");

	diag_list_release(&t.l);
	ASSERT(1, run(&t, "no_markers.cpp"));
	ASSERT_STR(arena_printf(&t.a,
		"%s: error: no expected diagnostics: add markers or 'expect-no-diagnostics'\n",
		fixture(&t, "no_markers.cpp")), t.out);

	warn(&t, "nodiag_mixed.cpp", 2, "x", NULL, NULL, 0);
	ASSERT(1, run(&t, "nodiag_mixed.cpp"));
	ASSERT_HAS(t.out, "nodiag_mixed.cpp:1:4: error: 'expect-no-diagnostics' cannot be used with other markers\n");

	ASSERT(-1, run(&t, "does-not-exist.cpp"));
	t_release(&t);
}

static void test_headers(const char *dir)
{
	struct t t;
	struct suspension s = { { NULL, 4, 3 }, SUSPEND_CO_AWAIT, NULL, NULL };

	t_init(&t, dir);
	s.loc.file = fixture(&t, "header.h");
	warn(&t, "header.cpp", 4, "g", NULL, NULL, 0);
	warn(&t, "header.h", 3, "h", NULL, &s, 1);
	ASSERT(0, run(&t, "header.cpp"));

	/* header.h is not read when nothing points into it: its markers
	   go unchecked (documented in verify.h) */
	diag_list_release(&t.l);
	warn(&t, "header.cpp", 4, "g", NULL, NULL, 0);
	ASSERT(0, run(&t, "header.cpp"));

	/* a header without markers expects nothing */
	warn(&t, "plain.h", 2, "p", NULL, NULL, 0);
	ASSERT(1, run(&t, "header.cpp"));
	ASSERT_HAS(t.out, "plain.h:2:3: error: unexpected warning seen: 'p'");

	/* a file that cannot be read has no markers (and a warning) */
	diag_list_release(&t.l);
	warn(&t, "header.cpp", 4, "g", NULL, NULL, 0);
	warn(&t, "nowhere.h", 2, "n", NULL, NULL, 0);
	ASSERT(1, run(&t, "header.cpp"));
	ASSERT_HAS(t.out, "nowhere.h:2:3: error: unexpected warning seen: 'n'");
	t_release(&t);
}

/* Parse 'text' as the file 'path'; the errors go to *errs. */
static int parse(struct arena *a, const char *text, struct verify_markers *m,
		 char **errs)
{
	FILE *f = tmpfile();
	int ret;

	if (!f)
		die("tmpfile failed");
	ret = verify_parse_markers(a, "t.cpp", text, m, f);
	*errs = slurp(a, f);
	return ret;
}

static void test_parse_markers(const char *dir)
{
	struct t t;
	struct verify_markers m;
	char *errs, *text;

	t_init(&t, dir);
	ASSERT(0, parse(&t.a,
		"x; // expect-warning@+2 3 {{a b}} expect-note@-0 {{c}}\n"
		"\n/* expect-error@1 {{d}} */", &m, &errs));
	ASSERT(3, m.n);
	ASSERT(VERIFY_WARNING, m.v[0].severity);
	ASSERT(3, m.v[0].line);
	ASSERT(1, m.v[0].marker_line);
	ASSERT(7, m.v[0].col);
	ASSERT(3, m.v[0].count);
	ASSERT_STR("a b", m.v[0].text);
	ASSERT_STR("t.cpp", m.v[0].file);
	ASSERT(VERIFY_NOTE, m.v[1].severity);
	ASSERT(1, m.v[1].line);
	ASSERT(VERIFY_ERROR, m.v[2].severity);
	ASSERT(1, m.v[2].line);
	ASSERT(3, m.v[2].marker_line);
	ASSERT(0, m.no_diagnostics);

	/* outside comments nothing counts; '@+1' past the end is an error */
	ASSERT(1, parse(&t.a, "expect-warning {{a}} // expect-note@+1 {{b}}",
			&m, &errs));
	ASSERT(0, m.n);
	ASSERT_STR("t.cpp:1:36: error: bad line after '@': want @+N, @-N or @N inside the file\n",
		   errs);
	ASSERT(0, parse(&t.a, "// unexpect-warning; expect-no-diagnostics",
			&m, &errs));
	ASSERT(1, m.no_diagnostics);

	text = read_file(fixture(&t, "literals.cpp"), NULL);
	ASSERT(1, text != NULL);
	ASSERT(0, parse(&t.a, text, &m, &errs));
	free(text);
	ASSERT(3, m.n);
	ASSERT(3, m.v[0].line);
	ASSERT_STR("after literals", m.v[0].text);
	ASSERT(5, m.v[1].line);
	ASSERT_STR("block", m.v[1].text);
	ASSERT(7, m.v[2].line);
	ASSERT_STR("second line of a block", m.v[2].text);

	/* raw strings, digit separators and spliced comments (scan.h) */
	ASSERT(0, parse(&t.a,
		"auto r = R\"x(// expect-error {{in a raw string}})x\";\n"
		"int k = 0xFF'FF; char q = u8'\"'; // expect-note {{after}}\n"
		"// a spliced comment \\\n"
		"   expect-warning {{on its second line}}\n",
		&m, &errs));
	ASSERT(2, m.n);
	ASSERT_STR("after", m.v[0].text);
	ASSERT(2, m.v[0].line);
	ASSERT(37, m.v[0].col);
	ASSERT_STR("on its second line", m.v[1].text);
	ASSERT(4, m.v[1].line);
	ASSERT(4, m.v[1].col);

	text = read_file(fixture(&t, "malformed.cpp"), NULL);
	ASSERT(1, text != NULL);
	ASSERT(12, parse(&t.a, text, &m, &errs));
	free(text);
	ASSERT(1, m.n); /* the first {{x}} on line 11 */
	ASSERT(11, m.v[0].line);
	ASSERT_HAS(errs, "t.cpp:3:11: error: unknown marker 'expect-warnign'; did you mean 'expect-warning'?\n");
	ASSERT_HAS(errs, "t.cpp:4:11: error: unknown marker 'expected-warning'; did you mean 'expect-warning'?\n");
	ASSERT_HAS(errs, "t.cpp:5:26: error: expected '{{' after 'expect-warning'\n");
	ASSERT_HAS(errs, "t.cpp:6:26: error: missing '}}' after '{{'\n");
	ASSERT_HAS(errs, "t.cpp:7:26: error: empty '{{}}' in 'expect-warning'\n");
	ASSERT_HAS(errs, "t.cpp:8:25: error: bad line after '@'");
	ASSERT_HAS(errs, "t.cpp:9:25: error: bad line after '@'");
	ASSERT_HAS(errs, "t.cpp:10:26: error: bad count in 'expect-warning': want 1 or more\n");
	ASSERT_HAS(errs, "t.cpp:11:32: error: second '{{' after 'expect-warning'");
	ASSERT_HAS(errs, "t.cpp:12:11: error: unknown directive 'verify-argz:'");
	ASSERT_HAS(errs, "t.cpp:13:26: error: no space allowed before '@'");
	ASSERT_HAS(errs, "t.cpp:14:11: error: unknown marker 'expect-bogus'\n");

	/* through verify_check, each counts as a mismatch */
	ASSERT(13, run(&t, "malformed.cpp"));
	ASSERT_HAS(t.out, "malformed.cpp:11: error: expected warning not seen: {{x}}\n");
	ASSERT(0, parse(&t.a, "// verify-args: expect-warning\n", &m, &errs));
	ASSERT(1, parse(&t.a, "// verify-args -std=c++20\n", &m, &errs));
	ASSERT_STR("t.cpp:1:15: error: missing ':' after 'verify-args'\n",
		   errs);
	t_release(&t);
}

static int header(struct arena *a, const char *path, const char *text,
		  struct verify_header *h, char **errs)
{
	FILE *f = tmpfile();
	int ret;

	if (!f)
		die("tmpfile failed");
	ret = verify_parse_header(a, path, text, h, f);
	*errs = slurp(a, f);
	return ret;
}

static void test_header(const char *dir)
{
	static const char *const want[] = {
		"-std=c++20", "-I", "D/include", "-ID/local", "-DNAME=a b",
		"-isystem", "/abs", "-ID/../up", "-DX=q\"uote", "-iquote",
		"D/sub",
	};
	struct t t;
	struct verify_header h;
	char *errs;

	t_init(&t, dir);
	ASSERT(0, verify_read_header(&t.a, fixture(&t, "args.cpp"), &h));
	ASSERT(ARRAY_SIZE(want), h.nargs);
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		const char *w = want[i];
		char *d = strchr(w, 'D');
		if (d && d[1] == '/')
			w = arena_printf(&t.a, "%.*s%s%s", (int)(d - w), w,
					 dir, d + 1);
		ASSERT_STR(w, h.args[i]);
	}
	ASSERT_STR("rules/absl.toml", h.config);
	ASSERT(1, h.config_is_path);

	ASSERT(0, verify_read_header(&t.a, fixture(&t, "args_pack.cpp"), &h));
	ASSERT(0, h.nargs);
	ASSERT_STR("std", h.config);
	ASSERT(0, h.config_is_path);
	ASSERT(1, h.config_line);
	ASSERT(19, h.config_col);
	ASSERT(0, run(&t, "args.cpp"));
	ASSERT(-1, verify_read_header(&t.a, fixture(&t, "nope.cpp"), &h));

	/* a file in the current directory keeps its paths as written */
	ASSERT(0, header(&t.a, "a.cpp", "// verify-args: -I inc -Ijoined\n",
			 &h, &errs));
	ASSERT(3, h.nargs);
	ASSERT_STR("inc", h.args[1]);
	ASSERT_STR("-Ijoined", h.args[2]);
	ASSERT(0, header(&t.a, "x/a.cpp", "int a; // expect-no-diagnostics\n",
			 &h, &errs));
	ASSERT(0, h.nargs);
	ASSERT(1, h.config == NULL);

	ASSERT(-1, header(&t.a, "a.cpp", "// verify-args: -DA \"b c\n", &h,
			  &errs));
	ASSERT_STR("a.cpp:1:21: error: unterminated '\"' in verify-args\n",
		   errs);
	ASSERT(-1, header(&t.a, "a.cpp",
			  "// verify-config: std\n// verify-config: absl\n",
			  &h, &errs));
	ASSERT_STR("a.cpp:2:4: error: verify-config given twice (first on line 1)\n",
		   errs);
	ASSERT_STR("std", h.config);
	ASSERT(-1, header(&t.a, "a.cpp", "// verify-config:\n", &h, &errs));
	ASSERT_HAS(errs, "verify-config needs one file or pack name");
	ASSERT(-1, header(&t.a, "a.cpp", "// verify-config: a b\n", &h, &errs));
	ASSERT(0, h.nargs);
	t_release(&t);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_verify DIR\n");
		return 2;
	}
	test_basic(argv[1]);
	test_substr(argv[1]);
	test_no_diagnostics(argv[1]);
	test_headers(argv[1]);
	test_parse_markers(argv[1]);
	test_header(argv[1]);
	return test_done("test_verify");
}
