/*
 * test_scan.c - unit tests of scan.c: how C and C++ text is cut into
 * code, comments, string and character literals.
 *
 * Most checks write a text and the expected pieces as a string of kind
 * letters, one per byte: 'x' code, 'c' comment, 's' string, 'q' char.
 */
#include "common.h"
#include "scan.h"
#include "test.h"

#include <stdio.h>
#include <string.h>

/* One letter per byte of 'text': the kind of the piece it falls in. */
static const char *kinds(const char *text)
{
	static char out[512];
	static const char letter[] = { 'x', 'c', 's', 'q' }; /* ORDER scan_kind */
	struct scanner s;
	struct scan_piece p;
	size_t len = strlen(text), at = 0;

	scan_init(&s, text, 0, len);
	while (scan_next(&s, &p) && p.end <= sizeof(out) - 1) {
		if (p.start != at || p.end <= p.start)
			return "(gap or empty piece)";
		memset(out + p.start, letter[p.kind], p.end - p.start);
		at = p.end;
	}
	out[at] = '\0';
	return at == len ? out : "(pieces stop early)";
}

#define KINDS(text, want) ASSERT_STR(want, kinds(text))

static void test_comments(void)
{
	KINDS("a // b\nc", "xxcccc" "xx");
	KINDS("a /* b */ c", "xxcccccccxx");
	KINDS("a /* b\n c */ d", "xxccccccccccxx");
	KINDS("/* unterminated", "ccccccccccccccc");
	KINDS("a / b / c", "xxxxxxxxx");
	KINDS("/*/ x */", "cccccccc");
	KINDS("// a /* b\nc */", "ccccccccc" "xxxxx");
	KINDS("/* a // b */c", "ccccccccccccx");
	/* a line splice continues a '//' comment, with LF or CRLF */
	KINDS("// a \\\nb\nc", "cccccccc" "xx");
	KINDS("// a \\\r\nb\nc", "ccccccccc" "xx");
	/* a backslash not at the end of the line does not */
	KINDS("// a \\ \nb", "cccccccxx");
}

static void test_literals(void)
{
	KINDS("f(\"a // b\")", "xxssssssssx");
	KINDS("\"a /* b\" c */", "ssssssssxxxxx");
	KINDS("'\"' x \"'\"", "qqqxxxsss");
	KINDS("\"a\\\"b\" c", "ssssssxx");
	KINDS("'\\'' x", "qqqqxx");
	KINDS("\"\\\\\" x", "ssssxx");
	/* prefixes belong to the literal */
	KINDS("u8\"a\" u'b' U\"c\" L'd'", "sssssxqqqqxssssxqqqq");
	KINDS("u8'a'", "qqqqq");
	/* an identifier ending like a prefix is no prefix */
	KINDS("xu8\"a\"", "xxxsss");
	KINDS("case'a':", "xxxxqqqx");
	/* an ordinary literal ends at the end of its line */
	KINDS("don't\nx = 1;", "xxxqqxxxxxxx");
	KINDS("\"abc\nd\"", "ssssxxs");
	/* ... unless spliced */
	KINDS("\"a\\\nb\" x", "ssssssxx");
	KINDS("\"a\\\r\nb\" x", "sssssssxx");
	KINDS("\"open", "sssss");
}

static void test_raw_strings(void)
{
	KINDS("R\"(a \" // b)\" x", "sssssssssssssxx");
	KINDS("R\"x(a )\" )x\" y", "ssssssssssssxx");
	KINDS("u8R\"(\\)\" z", "ssssssssxx");
	KINDS("LR\"(\n)\"", "sssssss");
	KINDS("R\"d(unterminated", "ssssssssssssssss");
	/*
	 * a bad delimiter, or no '(' within 16 bytes: an ordinary string
	 * (its escapes count, and it ends at the first quote)
	 */
	KINDS("R\"a b(c\\\")a b\" x", "ssssssssssssssxx");
	KINDS("R\"abcdefghijklmnopq(x)\" y", "sssssssssssssssssssssssxx");
	/* R alone is an identifier */
	KINDS("R + 'a'", "xxxxqqq");
	KINDS("FOOR\"x\"", "xxxxsss");
}

static void test_numbers(void)
{
	KINDS("1'000'000 + 'a'", "xxxxxxxxxxxxqqq");
	KINDS("0xFF'FF 'b'", "xxxxxxxxqqq");
	KINDS("0b1010'1010'", "xxxxxxxxxxxq");
	KINDS("1'0.5'5e+1'0", "xxxxxxxxxxxx");
	KINDS(".5'5", "xxxx");
	KINDS("x1'a'", "xxqqq");
	KINDS("a[1]'b'", "xxxxqqq");
	KINDS("1.0f+'c'", "xxxxxqqq");
	KINDS("1+'c'", "xxqqq");
	/* as pp-numbers go, e+ and ' then a letter are part of the number */
	KINDS("1e+'c'", "xxxxxq");
}

/* Lines and columns of the pieces, and of a range that starts later. */
static void test_positions(void)
{
	const char *t = "a\n  /* x\ny */ \"s\"\n\t// c";
	struct scanner s;
	struct scan_piece p;
	unsigned want[][3] = {
		/* kind, line, col */
		{ SCAN_CODE, 1, 1 },   { SCAN_COMMENT, 2, 3 },
		{ SCAN_CODE, 3, 5 },   { SCAN_STRING, 3, 6 },
		{ SCAN_CODE, 3, 9 },   { SCAN_COMMENT, 4, 2 },
	};
	size_t n = 0;

	scan_init(&s, t, 0, strlen(t));
	while (scan_next(&s, &p)) {
		if (!ASSERT_TRUE(n < ARRAY_SIZE(want)))
			break;
		ASSERT(want[n][0], p.kind);
		ASSERT(want[n][1], p.line);
		ASSERT(want[n][2], p.col);
		n++;
	}
	ASSERT(ARRAY_SIZE(want), n);

	/* a range: positions count from its start; nothing read past its end */
	char buf[] = { 'x', '\n', 'y', '/', '/', 'z', '\n', '"', 'a', '"' };
	scan_init(&s, buf, 2, 9);
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT(SCAN_CODE, p.kind);
	ASSERT(2, p.start);
	ASSERT(1, p.line);
	ASSERT(1, p.col);
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT(SCAN_COMMENT, p.kind);
	ASSERT(2, p.col);
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT(SCAN_STRING, p.kind);
	ASSERT(2, p.line);
	ASSERT(9, p.end);
	ASSERT(0, p.closed);
	ASSERT(0, scan_next(&s, &p));

	/* closed and block flags */
	scan_init(&s, "/* a */", 0, 7);
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT(1, p.block);
	ASSERT(1, p.closed);
	scan_init(&s, "/* a *", 0, 6);
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT(0, p.closed);
	scan_init(&s, "'a", 0, 2);
	ASSERT_TRUE(scan_next(&s, &p));
	ASSERT(SCAN_CHAR, p.kind);
	ASSERT(0, p.closed);

	/* an empty range has no piece */
	scan_init(&s, "abc", 2, 2);
	ASSERT(0, scan_next(&s, &p));
	scan_init(&s, "abc", 3, 1);
	ASSERT(0, scan_next(&s, &p));
}

/* ---- scan_each_code_byte ---- */

struct seen {
	char bytes[128];
	int depths[128];
	size_t n;
	size_t stop_at; /* return true at this offset */
};

static bool record(const char *text, size_t i, int depth, void *arg)
{
	struct seen *s = arg;
	if (s->n < sizeof(s->bytes) - 1) {
		s->bytes[s->n] = text[i];
		s->depths[s->n++] = depth;
		s->bytes[s->n] = '\0';
	}
	return i == s->stop_at;
}

static void test_code_bytes(void)
{
	const char *t = "f(a, \"(\" /* ) */, '[') { x[1]; } // }";
	struct seen s = { .stop_at = (size_t)-1 };

	ASSERT(0, scan_each_code_byte(t, 0, strlen(t), record, &s));
	ASSERT_STR("f(a,  , ) { x[1]; } ", s.bytes);
	int want[] = { 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 2, 2, 1, 1, 1, 0, 0 };
	ASSERT(ARRAY_SIZE(want), s.n);
	int bad = 0;
	for (size_t i = 0; i < ARRAY_SIZE(want) && i < s.n; i++)
		bad += want[i] != s.depths[i];
	ASSERT(0, bad);

	/* stops when the callback says so */
	memset(&s, 0, sizeof(s));
	s.stop_at = 2;
	ASSERT(1, scan_each_code_byte(t, 0, strlen(t), record, &s));
	ASSERT_STR("f(a", s.bytes);

	/* a range in the middle: depth counts from its start */
	memset(&s, 0, sizeof(s));
	s.stop_at = (size_t)-1;
	ASSERT(0, scan_each_code_byte(t, 23, 29, record, &s));
	ASSERT_STR("{ x[1]", s.bytes);
	ASSERT(1, s.depths[0]);
	ASSERT(2, s.depths[4]);
}

/* Long runs stay linear: a megabyte of digit separators or of quotes. */
static void test_long_input(void)
{
	enum { N = 1 << 20 };
	static char t[N + 1];
	struct scanner s;
	struct scan_piece p;
	size_t n = 0;

	for (size_t i = 0; i < N; i++)
		t[i] = i % 2 ? '\'' : '1';
	t[N - 1] = '1';
	scan_init(&s, t, 0, N);
	while (scan_next(&s, &p))
		n++;
	ASSERT(1, n); /* one number */
	memset(t, '"', N);
	scan_init(&s, t, 0, N);
	n = 0;
	while (scan_next(&s, &p))
		n++;
	ASSERT(N / 2, n); /* empty strings */
}

int main(void)
{
	test_comments();
	test_literals();
	test_raw_strings();
	test_numbers();
	test_positions();
	test_code_bytes();
	test_long_input();
	return test_done("test_scan");
}
