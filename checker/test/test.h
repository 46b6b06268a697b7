/*
 * test.h - the checks shared by the unit test programs in checker/test/.
 *
 * Include it after "common.h".  Each check that fails prints
 *
 *   test_foo.c:42: what was checked: expected X, got Y
 *
 * on stderr (unbuffered, so it is seen even if the program then crashes),
 * counts one failure, and lets the program go on, so that one run shows
 * every failure.  main() ends with 'return test_done();', which prints a
 * one-line summary and returns the exit status: 0 if no check failed,
 * 1 otherwise.  A test that cannot go on after a failure (a NULL it would
 * dereference) returns early on the check's false result:
 *
 *   if (!ASSERT_TRUE(p != NULL))
 *           return;
 *
 * Every check returns true when it passed.
 */
#ifndef AWAIT_HOLDING_TEST_H
#define AWAIT_HOLDING_TEST_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int test_checks;   /* checks run */
static int test_failures; /* checks failed */

/* 'expected' == 'actual', compared as integers. */
#define ASSERT(expected, actual)                                               \
	test_int((long long)(expected), (long long)(actual), #actual, __FILE__, \
		 __LINE__)
/* 'cond' is true. */
#define ASSERT_TRUE(cond) test_int(1, !!(cond), #cond, __FILE__, __LINE__)
/* Equal strings; NULL equals only NULL. */
#define ASSERT_STR(expected, actual)                                           \
	test_str((expected), (actual), #actual, __FILE__, __LINE__)
/* 'needle' occurs in 'haystack' (a NULL haystack fails). */
#define ASSERT_HAS(haystack, needle)                                           \
	test_has((haystack), (needle), #haystack, __FILE__, __LINE__)

/* Count one failure and print where it happened; returns false. */
static inline bool test_fail(const char *file, int line, const char *what)
{
	const char *base = strrchr(file, '/');
	test_failures++;
	fprintf(stderr, "%s:%d: %s", base ? base + 1 : file, line, what);
	return false;
}

static inline bool test_int(long long expected, long long actual,
			    const char *what, const char *file, int line)
{
	test_checks++;
	if (expected == actual)
		return true;
	test_fail(file, line, what);
	fprintf(stderr, ": expected %lld, got %lld\n", expected, actual);
	return false;
}

static inline bool test_str(const char *expected, const char *actual,
			    const char *what, const char *file, int line)
{
	test_checks++;
	if (expected && actual ? !strcmp(expected, actual) : expected == actual)
		return true;
	test_fail(file, line, what);
	fprintf(stderr, ": expected \"%s\", got \"%s\"\n",
		expected ? expected : "(null)", actual ? actual : "(null)");
	return false;
}

static inline bool test_has(const char *haystack, const char *needle,
			    const char *what, const char *file, int line)
{
	test_checks++;
	if (haystack && strstr(haystack, needle))
		return true;
	test_fail(file, line, what);
	fprintf(stderr, ": \"%s\" not found in:\n%s\n", needle,
		haystack ? haystack : "(null)");
	return false;
}

/*
 * Print "NAME: N checks, M failed" and return the exit status for main():
 * 0 when every check passed, 1 otherwise.  A program that ran no check at
 * all fails too: its tests were skipped by mistake.
 */
static inline int test_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, test_checks, test_failures);
	if (!test_checks) {
		fprintf(stderr, "%s: no checks ran\n", name);
		return 1;
	}
	return test_failures ? 1 : 0;
}

#endif
