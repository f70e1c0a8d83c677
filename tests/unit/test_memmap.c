/*
 * test_memmap.c - the free-range computation of mm/memmap.c.
 *
 * Shows: hand-written maps (rounding, clipping, merging, unsorted, empty and
 * inverted input, ranges near 2^64, the max_out + 1 overflow report) give
 * the expected ranges, and thousands of random maps on a 64-page universe
 * agree with a page-by-page bitmap computed independently.
 * Cannot show: behaviour with more ranges than the random maps use (at most
 * 6 of each kind), nor that the caller passes the right reservations.
 */
#include <stdint.h>

#include "mm/memmap.h"
#include "tests/unit/unit.h"

#define PG 0x1000u
#define TOP UINT64_MAX
#define TOP_PAGE (UINT64_MAX - 0xfffu)	/* the last page, 0xffff...f000 */

struct map_case {
	const char *what;
	struct mem_range ram[4];
	unsigned nram;
	struct mem_range reserved[4];
	unsigned nreserved;
	uint64_t lo, hi;
	unsigned max_out;
	unsigned ret;			/* expected return value */
	struct mem_range out[4];	/* expected first min(ret, max_out) */
};

static const struct map_case map_cases[] = {
	{ "one aligned range",
	  { { 0, 16 * PG } }, 1, { { 0 } }, 0, 0, TOP, 4,
	  1, { { 0, 16 * PG } } },
	{ "RAM rounds inward",
	  { { 0x123, 0x5fff } }, 1, { { 0 } }, 0, 0, TOP, 4,
	  1, { { PG, 5 * PG } } },
	{ "RAM inside one page is nothing",
	  { { 0x1001, 0x1fff } }, 1, { { 0 } }, 0, 0, TOP, 4,
	  0, { { 0 } } },
	{ "unaligned RAM ranges do not merge into a page",
	  { { 0, 0x1800 }, { 0x1800, 3 * PG } }, 2, { { 0 } }, 0, 0, TOP, 4,
	  2, { { 0, PG }, { 2 * PG, 3 * PG } } },
	{ "reservation rounds outward",
	  { { 0, 16 * PG } }, 1, { { 0x3001, 0x4001 } }, 1, 0, TOP, 4,
	  2, { { 0, 3 * PG }, { 5 * PG, 16 * PG } } },
	{ "one-byte reservation takes its page",
	  { { 0, 4 * PG } }, 1, { { 0x2fff, 0x3000 } }, 1, 0, TOP, 4,
	  2, { { 0, 2 * PG }, { 3 * PG, 4 * PG } } },
	{ "overlapping and touching RAM merge",
	  { { 0, 3 * PG }, { 3 * PG, 5 * PG }, { 2 * PG, 4 * PG } }, 3,
	  { { 0 } }, 0, 0, TOP, 4,
	  1, { { 0, 5 * PG } } },
	{ "unsorted RAM comes out sorted",
	  { { 8 * PG, 9 * PG }, { PG, 2 * PG }, { 4 * PG, 5 * PG } }, 3,
	  { { 0 } }, 0, 0, TOP, 4,
	  3, { { PG, 2 * PG }, { 4 * PG, 5 * PG }, { 8 * PG, 9 * PG } } },
	{ "a gap between RAM ranges stays",
	  { { 0, 2 * PG }, { 3 * PG, 4 * PG } }, 2, { { 0 } }, 0, 0, TOP, 4,
	  2, { { 0, 2 * PG }, { 3 * PG, 4 * PG } } },
	{ "empty and inverted input is ignored",
	  { { 5 * PG, PG }, { 0, 4 * PG }, { 9 * PG, 9 * PG } }, 3,
	  { { 0x2500, 0x2500 }, { 0x3800, 0x1000 } }, 2, 0, TOP, 4,
	  1, { { 0, 4 * PG } } },
	{ "chained reservations",
	  { { 0, 8 * PG } }, 1,
	  { { 2 * PG, 5 * PG }, { PG, 3 * PG }, { 5 * PG, 6 * PG } }, 3,
	  0, TOP, 4,
	  2, { { 0, PG }, { 6 * PG, 8 * PG } } },
	{ "reservations at RAM edges",
	  { { PG, 8 * PG } }, 1, { { 0, 2 * PG }, { 7 * PG, 9 * PG } }, 2,
	  0, TOP, 4,
	  1, { { 2 * PG, 7 * PG } } },
	{ "everything reserved",
	  { { 0, 8 * PG } }, 1, { { 0, TOP } }, 1, 0, TOP, 4,
	  0, { { 0 } } },
	{ "clipped to lo and hi",
	  { { 0, 8 * PG } }, 1, { { 0 } }, 0, 2 * PG, 6 * PG, 4,
	  1, { { 2 * PG, 6 * PG } } },
	{ "lo and hi round inward",
	  { { 0, 8 * PG } }, 1, { { 0 } }, 0, 0x1001, 0x5fff, 4,
	  1, { { 2 * PG, 5 * PG } } },
	{ "reservation outside the window is ignored",
	  { { 0, 8 * PG } }, 1, { { PG - 100, 2 * PG } }, 1, 2 * PG, TOP, 4,
	  1, { { 2 * PG, 8 * PG } } },
	{ "lo above hi",
	  { { 0, 8 * PG } }, 1, { { 0 } }, 0, 6 * PG, 2 * PG, 4,
	  0, { { 0 } } },
	{ "window of one unaligned byte near 2^64",
	  { { 0, TOP } }, 1, { { 0 } }, 0, TOP - 1, TOP, 4,
	  0, { { 0 } } },
	{ "ranges near 2^64 do not overflow",
	  { { TOP - 0x3000, TOP } }, 1, { { TOP - 0x17ff, TOP } }, 1,
	  0, TOP, 4,
	  1, { { TOP_PAGE - 2 * PG, TOP_PAGE - PG } } },
	{ "exact fit",
	  { { 0, PG }, { 2 * PG, 3 * PG } }, 2, { { 0 } }, 0, 0, TOP, 2,
	  2, { { 0, PG }, { 2 * PG, 3 * PG } } },
	{ "one too many",
	  { { 0, PG }, { 2 * PG, 3 * PG }, { 4 * PG, 5 * PG } }, 3,
	  { { 0 } }, 0, 0, TOP, 2,
	  3, { { 0, PG }, { 2 * PG, 3 * PG } } },
	{ "no room at all",
	  { { 0, PG } }, 1, { { 0 } }, 0, 0, TOP, 0,
	  1, { { 0 } } },
};

static void test_table(void)
{
	unsigned i, j;

	for (i = 0; i < sizeof(map_cases) / sizeof(map_cases[0]); i++) {
		const struct map_case *c = &map_cases[i];
		struct mem_range out[5];
		unsigned n, shown;
		int failures_before = unit_case_failures;

		memset(out, 0xab, sizeof(out));
		n = memmap_free_ranges(c->ram, c->nram, c->reserved,
				       c->nreserved, c->lo, c->hi, out,
				       c->max_out);
		CHECK_EQ(n, c->ret);
		shown = c->ret < c->max_out ? c->ret : c->max_out;
		for (j = 0; j < shown && j < n; j++) {
			CHECK_EQ(out[j].start, c->out[j].start);
			CHECK_EQ(out[j].end, c->out[j].end);
		}
		/* Nothing may be written beyond max_out. */
		CHECK_EQ(out[c->max_out].start, 0xababababababababull);
		if (unit_case_failures != failures_before)
			printf("  ... in case \"%s\"\n", c->what);
	}
}

struct overlap_case {
	struct mem_range a, b;
	bool overlaps;
};

static const struct overlap_case overlap_cases[] = {
	{ { 0, 10 }, { 5, 15 }, true },
	{ { 5, 15 }, { 0, 10 }, true },
	{ { 0, 10 }, { 10, 20 }, false },	/* touching shares no byte */
	{ { 10, 20 }, { 0, 10 }, false },
	{ { 0, 10 }, { 9, 10 }, true },
	{ { 0, 100 }, { 40, 50 }, true },	/* containment */
	{ { 40, 50 }, { 0, 100 }, true },
	{ { 0, 100 }, { 50, 50 }, false },	/* empty */
	{ { 50, 50 }, { 0, 100 }, false },
	{ { 0, 100 }, { 60, 40 }, false },	/* inverted */
	{ { 0, TOP }, { TOP - 1, TOP }, true },
};

static void test_overlaps(void)
{
	unsigned i;

	for (i = 0; i < sizeof(overlap_cases) / sizeof(overlap_cases[0]); i++) {
		const struct overlap_case *c = &overlap_cases[i];

		if (memmap_overlaps(c->a, c->b) != c->overlaps) {
			printf("  overlap case %u is wrong\n", i);
			CHECK(0);
		}
	}
}

/*
 * The random maps: ranges at byte granularity starting in a 64-page
 * universe; they may run up to 12 pages past it, so the oracle scans further.
 */
#define UNIVERSE_PAGES 64
#define SCAN_PAGES (UNIVERSE_PAGES + 16)
#define MAX_RANDOM 6

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(uint64_t bound)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state % bound;
}

/* A byte address in (or just past) the universe, often page-aligned. */
static uint64_t random_address(void)
{
	uint64_t a = rng(UNIVERSE_PAGES * PG);

	return rng(2) ? a & ~(uint64_t)(PG - 1) : a;
}

/* Mostly proper ranges, some empty or inverted. */
static struct mem_range random_range(void)
{
	uint64_t start = random_address();

	if (rng(8) == 0)
		return (struct mem_range){ start, random_address() };
	return (struct mem_range){ start, start + rng(12 * PG) };
}

static bool holds_whole_page(struct mem_range r, uint64_t page)
{
	return r.start <= page * PG && (page + 1) * PG <= r.end;
}

static bool touches_page(struct mem_range r, uint64_t page)
{
	return r.start < r.end && r.start < (page + 1) * PG &&
	       page * PG < r.end;
}

/*
 * The oracle, straight from the definition: a page is free if one RAM range
 * holds all of it, no reservation touches it, and it lies in [lo, hi).
 */
static bool page_free(const struct mem_range *ram, unsigned nram,
		      const struct mem_range *res, unsigned nres,
		      struct mem_range window, uint64_t page)
{
	bool in_ram = false;
	unsigned i;

	for (i = 0; i < nram; i++)
		in_ram |= holds_whole_page(ram[i], page);
	for (i = 0; i < nres; i++)
		if (touches_page(res[i], page))
			return false;
	return in_ram && holds_whole_page(window, page);
}

/* Turn the oracle's bitmap into maximal runs; returns how many. */
static unsigned oracle_runs(const bool *free_page, struct mem_range *runs)
{
	unsigned n = 0, p;

	for (p = 0; p < SCAN_PAGES; p++) {
		if (!free_page[p])
			continue;
		if (n && runs[n - 1].end == p * PG)
			runs[n - 1].end += PG;
		else
			runs[n++] = (struct mem_range){ p * PG, (p + 1) * PG };
	}
	return n;
}

static bool random_map_agrees(void)
{
	struct mem_range ram[MAX_RANDOM], res[MAX_RANDOM], window;
	struct mem_range want[SCAN_PAGES], got[SCAN_PAGES];
	bool free_page[SCAN_PAGES];
	unsigned nram = (unsigned)rng(MAX_RANDOM + 1);
	unsigned nres = (unsigned)rng(MAX_RANDOM + 1);
	unsigned max_out = rng(2) ? SCAN_PAGES : (unsigned)rng(4);
	unsigned i, nwant, ngot;
	bool same = true;

	for (i = 0; i < nram; i++)
		ram[i] = random_range();
	for (i = 0; i < nres; i++)
		res[i] = random_range();
	window = rng(4) ? random_range() : (struct mem_range){ 0, TOP };
	for (i = 0; i < SCAN_PAGES; i++)
		free_page[i] = page_free(ram, nram, res, nres, window, i);
	nwant = oracle_runs(free_page, want);
	ngot = memmap_free_ranges(ram, nram, res, nres, window.start,
				  window.end, got, max_out);

	if (nwant > max_out)
		same = ngot == max_out + 1;
	else
		same = ngot == nwant;
	for (i = 0; same && i < nwant && i < max_out; i++)
		same = got[i].start == want[i].start && got[i].end == want[i].end;
	return same;
}

static void test_random_against_bitmap(void)
{
	unsigned round;

	for (round = 0; round < 20000; round++) {
		if (!random_map_agrees()) {
			printf("  random map %u disagrees with the bitmap\n",
			       round);
			CHECK(0);
			return;
		}
	}
}

int main(void)
{
	UNIT_CASE(test_table);
	UNIT_CASE(test_overlaps);
	UNIT_CASE(test_random_against_bitmap);
	return unit_finish();
}
