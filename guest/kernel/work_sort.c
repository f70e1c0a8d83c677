/*
 * work_sort.c - an insertion sort that checks its output is in order
 * (work.h).
 *
 * The check sees order only: a fault that leaves the numbers in order --
 * a low bit flipped in a number far from its neighbours, say -- passes
 * it, and only the golden result shows the answer wrong.  This is the
 * workload where silent data corruption lives.
 */
#include "guest/kernel/work.h"

static void sort(volatile uint32_t *buf, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		uint32_t v = buf[i], j = i;

		for (; j > 0 && buf[j - 1] > v; j--)
			buf[j] = buf[j - 1];
		buf[j] = v;
	}
}

struct work_result work_sort(volatile uint32_t *buf, uint32_t seed)
{
	uint32_t x = seed, sum = WORK_MIX_START;
	bool ordered = true;

	for (uint32_t i = 0; i < SORT_WORDS; i++)
		buf[i] = work_next(&x) >> 8;	/* spread out, room between */
	sort(buf, SORT_WORDS);
	for (uint32_t i = 0; i < SORT_WORDS; i++) {
		ordered &= i == 0 || buf[i - 1] <= buf[i];
		sum = work_mix(sum, buf[i]);
	}
	return (struct work_result){ sum, !ordered };
}
