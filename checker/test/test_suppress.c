/*
 * test_suppress.c - unit tests of suppress.c: NOLINT, NOLINTNEXTLINE,
 * NOLINTBEGIN/END and check lists on guards and on suspension points,
 * and the report of suppressions that silence nothing.
 *
 * Each test writes a source file to a temporary directory and applies
 * the suppressions to findings made by hand at its lines.
 */
#include "common.h"
#include "diag.h"
#include "suppress.h"
#include "util.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/test_suppress_XXXXXX";

/* Write 'text' to DIR/name; returns the path (static storage, one at a time). */
static const char *write_src(const char *name, const char *text)
{
	static char path[2][256];
	static int which;
	char *p = path[which ^= 1];
	snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	return p;
}

/* A finding for a guard on 'line' suspended on each of the lines in 'susp' (0 ends). */
static void finding(struct diag_list *l, const char *file, unsigned line,
		    const unsigned *susp)
{
	struct suspension s[8];
	size_t n = 0;
	for (; susp[n] && n < ARRAY_SIZE(s); n++)
		s[n] = (struct suspension){ { file, susp[n], 3 }, SUSPEND_CO_AWAIT, NULL, NULL };
	struct finding f = {
		.loc = { file, line, 3 },
		.name = "lk",
		.type = "std::lock_guard<std::mutex>",
		.matched = "std::lock_guard",
		.susp = s,
		.nsusp = n,
	};
	diag_list_push(l, &f);
}

/*
 * Apply the suppressions of 'text' to one finding per entry of 'guards'
 * (a guard line each, all suspended on 'susp'); returns the guard lines
 * left, as "3,7" (static storage).
 */
static const char *left(const char *text, const unsigned *guards,
			const unsigned *susp)
{
	static char out[128];
	struct diag_list l;
	const char *file = write_src("t.cpp", text);

	diag_list_init(&l);
	for (size_t i = 0; guards[i]; i++)
		finding(&l, file, guards[i], susp);
	suppress_apply(&l, NULL, 0, false);
	out[0] = '\0';
	for (size_t i = 0; i < l.nfindings; i++)
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%u",
			 i ? "," : "", l.findings[i].loc.line);
	diag_list_release(&l);
	return out;
}

static const unsigned lines1to6[] = { 1, 2, 3, 4, 5, 6, 0 };
static const unsigned at9[] = { 9, 0 }, at1[] = { 1, 0 };

static void test_on_guards(void)
{
	ASSERT_STR("1,3,4,5,6", left("a\nb // NOLINT\n", lines1to6, at9));
	ASSERT_STR("1,2,4,5,6",
		   left("a\nb\nc // NOLINT(await-holding)\n", lines1to6, at9));
	/* globs and lists */
	ASSERT_STR("2,3,4,5,6", left("a // NOLINT(await-*)\n", lines1to6, at9));
	ASSERT_STR("2,3,4,5,6",
		   left("a // NOLINT(bugprone-foo, await-holding)\n", lines1to6, at9));
	ASSERT_STR("2,3,4,5,6", left("a // NOLINT(*)\n", lines1to6, at9));
	/* other checks, and exclusions, do not silence us */
	ASSERT_STR("1,2,3,4,5,6",
		   left("a // NOLINT(bugprone-foo)\n", lines1to6, at9));
	ASSERT_STR("1,2,3,4,5,6",
		   left("a // NOLINT(-await-holding)\n", lines1to6, at9));
	ASSERT_STR("1,2,3,4,5,6",
		   left("a // NOLINT(await-holdingx)\n", lines1to6, at9));
	/* the next line */
	ASSERT_STR("1,2,4,5,6",
		   left("a\n// NOLINTNEXTLINE(await-holding)\nc\n", lines1to6, at9));
	/* a range */
	ASSERT_STR("1,6", /* END's own line included */
		   left("a\n// NOLINTBEGIN(await-holding)\nc\nd\n// NOLINTEND(await-holding)\nf\n",
			lines1to6, at9));
	/* a BEGIN without END reaches the end of the file */
	ASSERT_STR("1,2", left("a\nb\n/* NOLINTBEGIN */\n", lines1to6, at1));
	/* block comments count, literals do not */
	ASSERT_STR("2,3,4,5,6", left("a /* NOLINT */\n", lines1to6, at9));
	ASSERT_STR("1,2,3,4,5,6",
		   left("f(\"// NOLINT\");\nchar c = '\"'; // x\n", lines1to6, at9));
	ASSERT_STR("1,2,3,4,5,6",
		   left("auto s = R\"(\n// NOLINT\n)\";\n", lines1to6, at9));
	ASSERT_STR("1,3,4,5,6",
		   left("a\nint n = 1'000; // NOLINT\n", lines1to6, at9));
	/* a block comment spans lines; the NOLINT inside counts on its own line */
	ASSERT_STR("1,2,4,5,6",
		   left("a\n/* x\n NOLINT */\n", lines1to6, at9));
}

static void test_on_suspensions(void)
{
	static const unsigned g1[] = { 1, 0 }, s34[] = { 3, 4, 0 };
	struct diag_list l;
	const char *file = write_src("s.cpp", "g\nx\nco_await a; // NOLINT\nco_await b;\n");

	/* one point silenced: the finding keeps the other */
	diag_list_init(&l);
	finding(&l, file, 1, s34);
	suppress_apply(&l, NULL, 0, false);
	if (ASSERT(1, l.nfindings) && ASSERT(1, l.findings[0].nsusp))
		ASSERT(4, l.findings[0].susp[0].loc.line);
	diag_list_release(&l);

	/* every point silenced: the finding goes */
	ASSERT_STR("", left("g\nx\nco_await a; // NOLINT\nco_await b; // NOLINT\n",
			    g1, s34));
}

/* Suppressions naming await-holding that silence nothing. */
static void test_unused(void)
{
	static const unsigned s2[] = { 2, 0 };
	struct diag_list l;
	const char *used = write_src("used.cpp",
				     "g // NOLINT(await-holding)\n"
				     "x // NOLINTNEXTLINE(await-holding)\n"
				     "y\n"
				     "z // NOLINT\n"
				     "w // NOLINT(bugprone-*)\n");
	const char *quiet = write_src("quiet.cpp",
				      "// NOLINTBEGIN(await-*)\n"
				      "// NOLINTEND(await-*)\n");
	const char *files[] = { used, quiet };

	diag_list_init(&l);
	finding(&l, used, 1, s2);
	suppress_apply(&l, files, 2, true);
	ASSERT(0, l.nfindings);
	diag_list_sort(&l);
	if (ASSERT(2, l.nproblems)) {
		ASSERT_STR(quiet, l.problems[0].loc.file);
		ASSERT(1, l.problems[0].loc.line);
		ASSERT(4, l.problems[0].loc.col);
		ASSERT(PROBLEM_WARNING, l.problems[0].kind);
		ASSERT_STR("'NOLINTBEGIN(await-*)' suppresses nothing [await-holding]",
			   l.problems[0].message);
		ASSERT_STR(used, l.problems[1].loc.file);
		ASSERT(2, l.problems[1].loc.line);
		ASSERT(6, l.problems[1].loc.col);
		ASSERT_STR("'NOLINTNEXTLINE(await-holding)' suppresses nothing [await-holding]",
			   l.problems[1].message);
	}
	diag_list_release(&l);

	/* without warn_unused, nothing is reported and 'files' is not read */
	diag_list_init(&l);
	finding(&l, used, 5, s2);
	suppress_apply(&l, files, 2, false);
	ASSERT(1, l.nfindings);
	ASSERT(0, l.nproblems);
	diag_list_release(&l);
}

/* A file that cannot be read suppresses nothing. */
static void test_missing_file(void)
{
	static const unsigned s2[] = { 2, 0 };
	struct diag_list l;
	char path[300];

	snprintf(path, sizeof(path), "%s/none.cpp", dir);
	diag_list_init(&l);
	finding(&l, path, 1, s2);
	suppress_apply(&l, NULL, 0, true);
	ASSERT(1, l.nfindings);
	ASSERT(0, l.nproblems);
	diag_list_release(&l);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_on_guards();
	test_on_suspensions();
	test_unused();
	test_missing_file();
	const char *names[] = { "t.cpp", "s.cpp", "used.cpp", "quiet.cpp" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char p[300];
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
	return test_done("test_suppress");
}
