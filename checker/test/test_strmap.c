/*
 * test_strmap.c - unit tests of strmap.c: finding and inserting keys,
 * growth past the first table, keys that collide, and the iterator.
 */
#include "common.h"
#include "strmap.h"
#include "util.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_empty(void)
{
	struct strmap m = { 0 };
	size_t pos = 0;

	ASSERT_TRUE(strmap_find(&m, "a", false) == NULL);
	ASSERT_TRUE(strmap_next(&m, &pos) == NULL);
	strmap_release(&m);
}

static void test_find_insert(void)
{
	struct strmap m = { 0 };
	int one = 1, two = 2;

	struct strmap_slot *s = strmap_find(&m, "one", true);
	if (!ASSERT_TRUE(s != NULL))
		return;
	ASSERT_STR("one", s->key);
	ASSERT_TRUE(s->val == NULL);
	s->val = &one;
	strmap_find(&m, "two", true)->val = &two;
	ASSERT_TRUE(strmap_find(&m, "three", false) == NULL);
	ASSERT(2, m.n);

	/* equal strings at other addresses find the same entry */
	char key[] = "one";
	s = strmap_find(&m, key, false);
	ASSERT_TRUE(s && s->val == &one);
	s = strmap_find(&m, key, true);
	ASSERT_TRUE(s && s->val == &one);
	ASSERT(2, m.n);
	s = strmap_find(&m, "two", false);
	ASSERT_TRUE(s && s->val == &two);
	/* prefixes are other keys */
	ASSERT_TRUE(strmap_find(&m, "on", false) == NULL);
	ASSERT_TRUE(strmap_find(&m, "", false) == NULL);
	strmap_release(&m);
	ASSERT(0, m.n);
	ASSERT_TRUE(strmap_find(&m, "one", false) == NULL);
}

/* Many keys: the table grows several times, and every key stays found. */
static void test_growth(void)
{
	enum { N = 5000 };
	struct strmap m = { 0 };
	static char keys[N][16];
	static int vals[N];

	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		vals[i] = i;
		strmap_find(&m, keys[i], true)->val = &vals[i];
	}
	ASSERT(N, m.n);
	int bad = 0;
	for (int i = 0; i < N; i++) {
		struct strmap_slot *s = strmap_find(&m, keys[i], false);
		if (!s || s->val != &vals[i])
			bad++;
	}
	ASSERT(0, bad);
	ASSERT_TRUE(m.cap >= 2 * m.n);
	ASSERT_TRUE(strmap_find(&m, "k5000", false) == NULL);
	strmap_release(&m);
}

/* The iterator visits each entry exactly once, empty values included. */
static void test_iterate(void)
{
	enum { N = 300 };
	struct strmap m = { 0 };
	static char keys[N][16];
	int seen[N] = { 0 };
	size_t pos = 0, n = 0;

	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "%d", i);
		struct strmap_slot *s = strmap_find(&m, keys[i], true);
		s->val = i % 3 ? &seen[i] : NULL;
	}
	for (struct strmap_slot *s; (s = strmap_next(&m, &pos));) {
		int i = atoi(s->key);
		n++;
		if (!ASSERT_TRUE(i >= 0 && i < N))
			continue;
		seen[i]++;
		ASSERT_TRUE(s->key == keys[i]);
		ASSERT_TRUE(s->val == (i % 3 ? (void *)&seen[i] : NULL));
	}
	ASSERT(N, n);
	int twice = 0, never = 0;
	for (int i = 0; i < N; i++) {
		twice += seen[i] > 1;
		never += seen[i] == 0;
	}
	ASSERT(0, twice);
	ASSERT(0, never);
	/* the end is sticky */
	ASSERT_TRUE(strmap_next(&m, &pos) == NULL);
	ASSERT_TRUE(strmap_next(&m, &pos) == NULL);

	/* the same insertions give the same order */
	struct strmap m2 = { 0 };
	for (int i = 0; i < N; i++)
		strmap_find(&m2, keys[i], true);
	size_t p1 = 0, p2 = 0;
	int differ = 0;
	for (;;) {
		struct strmap_slot *a = strmap_next(&m, &p1);
		struct strmap_slot *b = strmap_next(&m2, &p2);
		if (!a || !b) {
			differ += a != b;
			break;
		}
		differ += a->key != b->key;
	}
	ASSERT(0, differ);
	strmap_release(&m2);
	strmap_release(&m);
}

int main(void)
{
	test_empty();
	test_find_insert();
	test_growth();
	test_iterate();
	return test_done("test_strmap");
}
