/*
 * test_diag.c - unit tests of diag.c: copying findings into the list,
 * sorting and removing duplicates, and the message texts.
 */
#include "common.h"
#include "arena.h"
#include "diag.h"
#include "util.h"
#include "test.h"

#include <stdio.h>
#include <string.h>

/* Push a finding for guard 'name' at file:line:col with the given points. */
static void push(struct diag_list *l, const char *file, unsigned line,
		 unsigned col, const char *name, struct suspension *s, size_t n)
{
	struct finding f = {
		.loc = { file, line, col },
		.name = name,
		.type = "std::lock_guard<std::mutex>",
		.matched = "std::lock_guard",
		.susp = s,
		.nsusp = n,
	};
	diag_list_push(l, &f);
}

/* "file:line:col:name" of each finding, one per line (owned by 'a'). */
static const char *order(struct arena *a, const struct diag_list *l)
{
	const char *out = "";
	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		out = arena_printf(a, "%s%s:%u:%u:%s\n", out, f->loc.file,
				   f->loc.line, f->loc.col, f->name);
	}
	return out;
}

/* The list holds copies: the producer's strings may go away. */
static void test_push_copies(void)
{
	struct diag_list l;
	char file[] = "a.cpp", name[] = "lk", detail[] = "sched::yield";
	struct suspension s = { { file, 3, 5 }, SUSPEND_CALL, detail, NULL };

	diag_list_init(&l);
	push(&l, file, 2, 1, name, &s, 1);
	memset(file, 'x', 5);
	memset(name, 'x', 2);
	memset(detail, 'x', 5);
	s.loc.line = 99;
	ASSERT(1, l.nfindings);
	ASSERT_STR("a.cpp", l.findings[0].loc.file);
	ASSERT_STR("lk", l.findings[0].name);
	ASSERT_STR("lk", l.findings[0].display); /* display defaults to name */
	ASSERT_STR("a.cpp", l.findings[0].susp[0].loc.file);
	ASSERT_STR("sched::yield", l.findings[0].susp[0].detail);
	ASSERT(3, l.findings[0].susp[0].loc.line);
	ASSERT_TRUE(l.findings[0].reason == NULL);

	struct src_loc at = { file, 7, 1 };
	diag_list_add_problem(&l, PROBLEM_ERROR, &at, "bad %s", "thing");
	diag_list_add_problem(&l, PROBLEM_NOTE, NULL, "no file");
	memset(file, 'y', 5);
	ASSERT(2, l.nproblems);
	ASSERT_STR("xxxxx", l.problems[0].loc.file);
	ASSERT_STR("bad thing", l.problems[0].message);
	ASSERT_TRUE(l.problems[1].loc.file == NULL);
	ASSERT(0, l.problems[1].loc.line);
	diag_list_release(&l);
	ASSERT(0, l.nfindings);
	ASSERT(0, l.nproblems);
}

/* Findings sort by file, line, column, then name; duplicates go. */
static void test_sort(void)
{
	struct diag_list l;
	struct arena a;

	arena_init(&a);
	diag_list_init(&l);
	push(&l, "b.cpp", 1, 1, "x", NULL, 0);
	push(&l, "a.cpp", 10, 2, "y", NULL, 0);
	push(&l, "a.cpp", 9, 30, "z", NULL, 0);
	push(&l, "a.cpp", 10, 1, "w", NULL, 0);
	push(&l, "a.cpp", 10, 2, "b", NULL, 0);
	push(&l, "a.cpp", 10, 2, "y", NULL, 0); /* a duplicate */
	push(&l, "a.cpp", 2, 1, "v", NULL, 0);
	diag_list_sort(&l);
	ASSERT_STR("a.cpp:2:1:v\n"
		   "a.cpp:9:30:z\n"
		   "a.cpp:10:1:w\n"
		   "a.cpp:10:2:b\n"
		   "a.cpp:10:2:y\n"
		   "b.cpp:1:1:x\n", order(&a, &l));
	/* numbers compare as numbers, files as strings */
	diag_list_release(&l);
	push(&l, "a.cpp", 100, 1, "n", NULL, 0);
	push(&l, "a.cpp", 20, 1, "n", NULL, 0);
	push(&l, "a.cpp", 3, 1, "n", NULL, 0);
	push(&l, "B.cpp", 1, 1, "n", NULL, 0);
	diag_list_sort(&l);
	ASSERT_STR("B.cpp:1:1:n\na.cpp:3:1:n\na.cpp:20:1:n\na.cpp:100:1:n\n",
		   order(&a, &l));
	diag_list_release(&l);
	arena_release(&a);
}

/*
 * Suspension points sort by position and repeat only once; findings that
 * differ only in their points are not duplicates.
 */
static void test_sort_suspensions(void)
{
	struct diag_list l;
	struct suspension s[] = {
		{ { "a.cpp", 9, 1 }, SUSPEND_CO_AWAIT, NULL, NULL },
		{ { "a.cpp", 4, 7 }, SUSPEND_CALL, "g", NULL },
		{ { "a.cpp", 4, 7 }, SUSPEND_CALL, "f", NULL },
		{ { "a.cpp", 9, 1 }, SUSPEND_CO_AWAIT, NULL, NULL },
		{ { "a.cpp", 4, 2 }, SUSPEND_CO_YIELD, NULL, NULL },
	};

	diag_list_init(&l);
	push(&l, "a.cpp", 1, 1, "lk", s, ARRAY_SIZE(s));
	push(&l, "a.cpp", 1, 1, "lk", s, 1);
	diag_list_sort(&l);
	if (!ASSERT(2, l.nfindings))
		goto out;
	/* the one with fewer points first */
	ASSERT(1, l.findings[0].nsusp);
	struct finding *f = &l.findings[1];
	if (!ASSERT(4, f->nsusp))
		goto out;
	ASSERT(2, f->susp[0].loc.col);
	ASSERT(7, f->susp[1].loc.col);
	ASSERT_STR("f", f->susp[1].detail);
	ASSERT_STR("g", f->susp[2].detail);
	ASSERT(9, f->susp[3].loc.line);

	/* the same finding twice, points in another order: one is left */
	diag_list_release(&l);
	push(&l, "a.cpp", 1, 1, "lk", s, 3);
	struct suspension r[] = { s[2], s[0], s[1] };
	push(&l, "a.cpp", 1, 1, "lk", r, 3);
	diag_list_sort(&l);
	ASSERT(1, l.nfindings);
out:
	diag_list_release(&l);
}

/*
 * Problems sort by position and message, those without a position last;
 * equal ones of one kind go.
 */
static void test_sort_problems(void)
{
	struct diag_list l;
	struct src_loc b = { "b.cpp", 1, 1 }, a2 = { "a.cpp", 2, 1 };

	diag_list_init(&l);
	diag_list_add_problem(&l, PROBLEM_ERROR, &b, "m");
	diag_list_add_problem(&l, PROBLEM_ERROR, &a2, "z");
	diag_list_add_problem(&l, PROBLEM_ERROR, &a2, "m");
	diag_list_add_problem(&l, PROBLEM_ERROR, &b, "m");
	diag_list_add_problem(&l, PROBLEM_WARNING, &b, "m");
	diag_list_add_problem(&l, PROBLEM_NOTE, NULL, "run-level");
	diag_list_sort(&l);
	if (!ASSERT(5, l.nproblems))
		goto out;
	ASSERT_STR("m", l.problems[0].message);
	ASSERT_STR("a.cpp", l.problems[0].loc.file);
	ASSERT_STR("z", l.problems[1].message);
	ASSERT_STR("b.cpp", l.problems[2].loc.file);
	ASSERT_STR("b.cpp", l.problems[3].loc.file);
	ASSERT_TRUE(l.problems[2].kind != l.problems[3].kind);
	/* no position sorts last (clang's "too many errors" after its errors) */
	ASSERT_TRUE(l.problems[4].loc.file == NULL);
out:
	diag_list_release(&l);
}

static void test_texts(void)
{
	struct arena a;
	struct finding f = {
		.name = "lk",
		.type = "std::unique_lock<std::mutex>",
		.matched = "std::unique_lock",
	};
	struct suspension s = { { "a.cpp", 1, 1 }, SUSPEND_CO_AWAIT, NULL, NULL };

	arena_init(&a);
	ASSERT_STR("'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point",
		   diag_warning_text(&a, &f));
	f.display = "guard(mutex)";
	f.via = "member 'lk' of 'Conn'";
	f.instance = "f<int>";
	ASSERT_STR("'guard(mutex)' of type 'std::unique_lock<std::mutex>' is held across a suspension point"
		   " (it owns a 'std::unique_lock' through member 'lk' of 'Conn') in instantiation 'f<int>'",
		   diag_warning_text(&a, &f));
	ASSERT_STR("suspended here by co_await", diag_note_text(&a, &s));
	s.kind = SUSPEND_CO_YIELD;
	ASSERT_STR("suspended here by co_yield", diag_note_text(&a, &s));
	s.kind = SUSPEND_CALL;
	s.detail = "sched::yield";
	ASSERT_STR("suspended here by call to 'sched::yield'", diag_note_text(&a, &s));
	s.kind = SUSPEND_MACRO;
	s.detail = "FIBER_YIELD";
	ASSERT_STR("suspended here by macro 'FIBER_YIELD'", diag_note_text(&a, &s));
	s.kind = SUSPEND_INDIRECT;
	s.detail = "f -> g -> aco_yield";
	ASSERT_STR("suspended here by call that may suspend (f -> g -> aco_yield)",
		   diag_note_text(&a, &s));
	s.detail = NULL;
	ASSERT_STR("suspended here by call that may suspend (?)", diag_note_text(&a, &s));
	f.reason = "deadlocks";
	ASSERT_STR("reason: deadlocks", diag_reason_text(&a, &f));
	ASSERT_STR("co_await", suspend_kind_name(SUSPEND_CO_AWAIT));
	ASSERT_STR("indirect", suspend_kind_name(SUSPEND_INDIRECT));
	ASSERT_STR("error", problem_kind_name(PROBLEM_ERROR));
	ASSERT_STR("warning", problem_kind_name(PROBLEM_WARNING));
	ASSERT_STR("note", problem_kind_name(PROBLEM_NOTE));
	arena_release(&a);
}

int main(void)
{
	test_push_copies();
	test_sort();
	test_sort_suspensions();
	test_sort_problems();
	test_texts();
	return test_done("test_diag");
}
