/*
 * watch_set.c - the watches of one domain, and how to find them fast.
 *
 * A watch is a byte range of pseudo-physical memory.  The question asked
 * on every write fault to a watched page is "does [start, end) overlap any
 * watch?", with thousands of watches possible.  Watches may overlap each
 * other, so they are kept sorted by start, and next to each the largest
 * end among it and all before it: a binary search finds the last watch
 * starting before `end`, and if the largest end up to there is above
 * `start`, one of them overlaps -- found by stepping back, where the
 * running maximum says whether to go on.
 *
 * Pure logic, no memory of its own: unit-tested on the host.
 */
#include "shadow/watch_set.h"

void watch_set_init(struct watch_set *set)
{
	set->count = 0;
	set->next_id = 1;
}

static void recompute_max_end(struct watch_set *set, unsigned from)
{
	for (unsigned i = from; i < set->count; i++) {
		uint32_t prev = i ? set->max_end[i - 1] : 0;

		set->max_end[i] = set->w[i].end > prev ? set->w[i].end : prev;
	}
}

/* The number of watches starting before addr. */
static unsigned starting_before(const struct watch_set *set, uint32_t addr)
{
	unsigned lo = 0, hi = set->count;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if (set->w[mid].start < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

uint32_t watch_set_add(struct watch_set *set, uint32_t start, uint32_t end,
		       uint8_t access)
{
	unsigned at = starting_before(set, start);

	if (set->count == WATCHES_MAX || end <= start)
		return 0;
	if (set->next_id == 0)		/* a zeroed set: ids start at 1 */
		set->next_id = 1;
	for (unsigned i = set->count; i > at; i--)
		set->w[i] = set->w[i - 1];
	set->w[at] = (struct watch){ start, end, set->next_id++, access };
	set->count++;
	recompute_max_end(set, at);
	return set->w[at].id;
}

bool watch_set_remove(struct watch_set *set, uint32_t id, struct watch *out)
{
	for (unsigned i = 0; i < set->count; i++) {
		if (set->w[i].id != id)
			continue;
		*out = set->w[i];
		for (unsigned j = i; j + 1 < set->count; j++)
			set->w[j] = set->w[j + 1];
		set->count--;
		recompute_max_end(set, i);
		return true;
	}
	return false;
}

const struct watch *watch_set_find(const struct watch_set *set, uint32_t start,
				   uint32_t end, uint8_t access)
{
	unsigned i = starting_before(set, end);

	while (i > 0 && set->max_end[i - 1] > start) {
		i--;
		if (set->w[i].end > start && (set->w[i].access & access))
			return &set->w[i];
	}
	return 0;
}
