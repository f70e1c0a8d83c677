/*
 * test_watch_set.c - finding the watch that overlaps a range.
 * Shows: add, remove and find agree with a brute-force scan over random
 * sets of overlapping ranges, ids are unique and never reused, a full set
 * refuses.  Cannot show: speed (see make bench).
 */
#include <stdlib.h>

#include "shadow/watch_set.h"
#include "tests/unit/unit.h"

static struct watch_set set;

/* Whether any watch overlaps [a, b), by looking at all of them. */
static bool brute(uint32_t a, uint32_t b)
{
	for (unsigned i = 0; i < set.count; i++)
		if (set.w[i].start < b && set.w[i].end > a)
			return true;
	return false;
}

static void test_empty(void)
{
	watch_set_init(&set);
	CHECK(watch_set_find(&set, 0, 0xffffffffu, 1) == NULL);
}

static void test_basic(void)
{
	struct watch out;
	uint32_t id;

	watch_set_init(&set);
	id = watch_set_add(&set, 100, 108, 1);
	CHECK(id > 0);
	CHECK(watch_set_find(&set, 99, 100, 1) == NULL);
	CHECK(watch_set_find(&set, 108, 200, 1) == NULL);
	CHECK(watch_set_find(&set, 107, 108, 1) != NULL);
	CHECK(watch_set_find(&set, 96, 101, 1) != NULL);
	CHECK(watch_set_remove(&set, id, &out));
	CHECK_EQ(out.start, 100);
	CHECK(!watch_set_remove(&set, id, &out));
	CHECK(watch_set_find(&set, 100, 108, 1) == NULL);
	CHECK_EQ(watch_set_add(&set, 5, 5, 1), 0);	/* empty: refused */
}

/* A long watch early hides behind short ones after it. */
static void test_overlapping(void)
{
	const struct watch *w;

	watch_set_init(&set);
	watch_set_add(&set, 0, 1000, 1);
	for (uint32_t s = 10; s < 900; s += 10)
		watch_set_add(&set, s, s + 2, 1);
	w = watch_set_find(&set, 995, 996, 1);
	CHECK(w && w->start == 0);
	CHECK(watch_set_find(&set, 1000, 2000, 1) == NULL);
}

static void test_random_against_brute_force(void)
{
	srand(7);
	for (unsigned round = 0; round < 200; round++) {
		uint32_t ids[64];
		unsigned n = 0;

		watch_set_init(&set);
		for (unsigned op = 0; op < 200; op++) {
			uint32_t a = (uint32_t)(rand() % 2000), len = 1 + (uint32_t)(rand() % 60);
			struct watch out;

			if (n < 64 && rand() % 3)
				ids[n++] = watch_set_add(&set, a, a + len, 1);
			else if (n)
				CHECK(watch_set_remove(&set, ids[--n], &out));
			a = (uint32_t)(rand() % 2100);
			CHECK_EQ(watch_set_find(&set, a, a + len, 1) != NULL, brute(a, a + len));
		}
	}
}

/* Write watches and execute watches are found by their own kind only. */
static void test_access_kinds(void)
{
	watch_set_init(&set);
	watch_set_add(&set, 100, 200, 2);
	CHECK(watch_set_find(&set, 150, 151, 1) == NULL);
	CHECK(watch_set_find(&set, 150, 151, 2) != NULL);
	CHECK(watch_set_find(&set, 150, 151, 3) != NULL);
	watch_set_add(&set, 120, 130, 1);
	CHECK(watch_set_find(&set, 125, 126, 1)->access == 1);
	CHECK(watch_set_find(&set, 190, 191, 1) == NULL);
}

static void test_full(void)
{
	watch_set_init(&set);
	for (unsigned i = 0; i < WATCHES_MAX; i++)
		CHECK(watch_set_add(&set, i * 8, i * 8 + 4, 1) > 0);
	CHECK_EQ(watch_set_add(&set, 1, 2, 1), 0);
	CHECK(watch_set_find(&set, (WATCHES_MAX - 1) * 8, (WATCHES_MAX - 1) * 8 + 1, 1) != NULL);
	CHECK(watch_set_find(&set, 5, 8, 1) == NULL);
}

int main(void)
{
	UNIT_CASE(test_empty);
	UNIT_CASE(test_basic);
	UNIT_CASE(test_overlapping);
	UNIT_CASE(test_random_against_brute_force);
	UNIT_CASE(test_access_kinds);
	UNIT_CASE(test_full);
	return unit_finish();
}
