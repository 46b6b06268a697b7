/*
 * test_util.c - unit tests of util.c: strbuf, grow_capacity and
 * ARRAY_GROW, read_file, offset_to_linecol, the path and string helpers
 * and edit_distance.
 */
#include "common.h"
#include "util.h"
#include "test.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_strbuf(void)
{
	struct strbuf sb;

	strbuf_init(&sb);
	ASSERT_TRUE(sb.buf != NULL);
	ASSERT_STR("", sb.buf);
	ASSERT(0, sb.len);
	strbuf_adds(&sb, "ab");
	strbuf_addc(&sb, 'c');
	strbuf_add(&sb, "dexx", 2);
	ASSERT_STR("abcde", sb.buf);
	ASSERT(5, sb.len);
	/* embedded NUL bytes are kept and counted */
	strbuf_add(&sb, "\0z", 2);
	ASSERT(7, sb.len);
	ASSERT_TRUE(!memcmp(sb.buf, "abcde\0z", 8));
	strbuf_reset(&sb);
	ASSERT_STR("", sb.buf);
	ASSERT(0, sb.len);

	/* printf-style, past the first buffer and past several growths */
	strbuf_addf(&sb, "%d-%s", 42, "x");
	ASSERT_STR("42-x", sb.buf);
	char big[1000];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	strbuf_addf(&sb, "[%s]", big);
	ASSERT(4 + 2 + 999, sb.len);
	ASSERT(999 + 2 + 4, strlen(sb.buf));
	ASSERT('[', sb.buf[4]);
	ASSERT(']', sb.buf[sb.len - 1]);
	ASSERT_TRUE(sb.cap > sb.len);
	for (int i = 0; i < 10000; i++)
		strbuf_addc(&sb, (char)('a' + i % 26));
	ASSERT(1005 + 10000, sb.len);
	ASSERT('a' + 9999 % 26, sb.buf[sb.len - 1]);
	ASSERT(0, sb.buf[sb.len]);

	/* detach hands the buffer over and leaves 'sb' empty */
	char *s = strbuf_detach(&sb);
	ASSERT_TRUE(sb.buf == NULL);
	ASSERT(0, sb.len);
	ASSERT(0, strncmp(s, "42-x[qqq", 8));
	free(s);
	strbuf_init(&sb);
	strbuf_adds(&sb, "again");
	ASSERT_STR("again", sb.buf);
	strbuf_release(&sb);
	ASSERT_TRUE(sb.buf == NULL);
}

static void test_grow(void)
{
	ASSERT(8, grow_capacity(0, 1, 4));
	ASSERT(8, grow_capacity(8, 8, 4));
	ASSERT(16, grow_capacity(8, 9, 4));
	ASSERT(160, grow_capacity(10, 100, 1)); /* doubles from cap */
	ASSERT((size_t)1 << 40, grow_capacity(8, ((size_t)1 << 40) - 5, 1));

	int *v = NULL;
	size_t cap = 0;
	for (size_t n = 1; n <= 1000; n++) {
		ARRAY_GROW(v, n, cap);
		v[n - 1] = (int)n;
	}
	ASSERT_TRUE(cap >= 1000);
	long sum = 0;
	for (size_t i = 0; i < 1000; i++)
		sum += v[i];
	ASSERT(500500, sum);
	free(v);
}

static void test_read_file(void)
{
	char path[] = "/tmp/test_util_XXXXXX";
	int fd = mkstemp(path);
	size_t len = 12345;

	if (!ASSERT_TRUE(fd >= 0))
		return;
	/* more than read_file's chunk, with a NUL inside */
	static char data[20000];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (char)('A' + i % 7);
	data[5] = '\0';
	ASSERT(sizeof(data), write(fd, data, sizeof(data)));
	close(fd);
	char *t = read_file(path, &len);
	if (ASSERT_TRUE(t != NULL)) {
		ASSERT(sizeof(data), len);
		ASSERT(0, memcmp(t, data, sizeof(data)));
		ASSERT(0, t[len]); /* NUL-terminated */
	}
	free(t);
	unlink(path);
	errno = 0;
	ASSERT_TRUE(read_file(path, &len) == NULL);
	ASSERT(ENOENT, errno);
}

static void test_linecol(void)
{
	const char *t = "ab\ncd\n\nx";
	unsigned line, col;

	offset_to_linecol(t, 0, &line, &col);
	ASSERT(1, line);
	ASSERT(1, col);
	offset_to_linecol(t, 2, &line, &col); /* the newline itself */
	ASSERT(1, line);
	ASSERT(3, col);
	offset_to_linecol(t, 4, &line, &col);
	ASSERT(2, line);
	ASSERT(2, col);
	offset_to_linecol(t, 7, &line, &col);
	ASSERT(4, line);
	ASSERT(1, col);
}

static void test_strings(void)
{
	char *d;

	ASSERT_STR(".", d = dir_of("a.cpp"));
	free(d);
	ASSERT_STR("/", d = dir_of("/a.cpp"));
	free(d);
	ASSERT_STR("src/x", d = dir_of("src/x/a.cpp"));
	free(d);
	ASSERT(1, starts_with("expect-note", "expect-"));
	ASSERT(0, starts_with("expec", "expect-"));
	ASSERT(1, starts_with("x", ""));
	ASSERT(1, ends_with("a.toml", ".toml"));
	ASSERT(0, ends_with("toml", ".toml"));
	ASSERT(0, ends_with("a.toml.bak", ".toml"));
	ASSERT(0, edit_distance("abc", "abc"));
	ASSERT(1, edit_distance("guard_typs", "guard_types"));
	ASSERT(2, edit_distance("expect-warnign", "expect-warning"));
	ASSERT(3, edit_distance("", "abc"));
	ASSERT(3, edit_distance("kitten", "sitting"));
	d = xstrndup("abcdef", 3);
	ASSERT_STR("abc", d);
	free(d);
}

int main(void)
{
	test_strbuf();
	test_grow();
	test_read_file();
	test_linecol();
	test_strings();
	return test_done("test_util");
}
