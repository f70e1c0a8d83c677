/*
 * memmap.c - the free ranges of machine memory.
 *
 * A byte is free if some RAM range holds it and no reserved range does.
 * Rather than sorting and subtracting lists, we sweep a cursor upward through
 * the address space and ask the input lists directly:
 *
 *  - next_free(x): the lowest free byte at or above x.  If a reservation
 *    covers x, jump to its end; else if RAM covers x, x is free; else jump to
 *    the next RAM range that starts above x.
 *  - run_end(x), for a free x: where the free run starting at x ends.  Follow
 *    RAM ranges that overlap or touch (one may end just where the next
 *    begins) to the end of RAM, and stop short at the first reservation that
 *    starts on the way.
 *
 * Each run found is maximal, so the output comes out sorted and merged with
 * no sorting or merging step, and no scratch storage is needed, hence no
 * limit on the number of ranges.  Every question is a scan of the inputs, so
 * the cost is quadratic in their number; a machine has a few dozen.
 *
 * Rounding: RAM shrinks to whole pages (a partial page cannot be handed out),
 * reservations grow to whole pages (a partly taken page is taken).  Each range
 * is clipped to the page-aligned window before it is rounded; that gives the
 * same result as rounding first, and means no value ever exceeds the window's
 * end, so rounding up cannot overflow even for ranges near 2^64.
 */
#include "mm/memmap.h"

#define MEMMAP_PAGE 4096u

enum kind { RAM, RESERVED };

/* The question being answered, so the helpers need not pass six arguments. */
struct memmap {
	const struct mem_range *list[2];	/* indexed by enum kind */
	unsigned count[2];
	struct mem_range window;		/* [lo, hi) rounded inward */
};

static uint64_t page_down(uint64_t x)
{
	return x & ~(uint64_t)(MEMMAP_PAGE - 1);
}

/* Only called with x <= the window's end, so x + MEMMAP_PAGE - 1 fits. */
static uint64_t page_up(uint64_t x)
{
	return page_down(x + (MEMMAP_PAGE - 1));
}

static bool is_empty(struct mem_range r)
{
	return r.end <= r.start;
}

static bool contains(struct mem_range r, uint64_t x)
{
	return r.start <= x && x < r.end;
}

bool memmap_overlaps(struct mem_range a, struct mem_range b)
{
	return !is_empty(a) && !is_empty(b) &&
	       a.start < b.end && b.start < a.end;
}

/*
 * Range i of the given kind, clipped to the window and rounded to pages; the
 * result may be empty.  An empty input must stay empty: rounding [5, 5)
 * outward would otherwise reserve page 0.
 */
static struct mem_range pages(const struct memmap *m, enum kind k, unsigned i)
{
	struct mem_range r = m->list[k][i];

	if (r.start < m->window.start)
		r.start = m->window.start;
	if (r.end > m->window.end)
		r.end = m->window.end;
	if (is_empty(r))
		return (struct mem_range){ 0, 0 };
	if (k == RAM)
		return (struct mem_range){ page_up(r.start), page_down(r.end) };
	return (struct mem_range){ page_down(r.start), page_up(r.end) };
}

/* The furthest end among the ranges of kind k covering x, or x if none do. */
static uint64_t end_at(const struct memmap *m, enum kind k, uint64_t x)
{
	uint64_t end = x;
	unsigned i;

	for (i = 0; i < m->count[k]; i++) {
		struct mem_range r = pages(m, k, i);

		if (contains(r, x) && r.end > end)
			end = r.end;
	}
	return end;
}

/* The lowest start above x among ranges of kind k, or the window's end. */
static uint64_t next_start(const struct memmap *m, enum kind k, uint64_t x)
{
	uint64_t next = m->window.end;
	unsigned i;

	for (i = 0; i < m->count[k]; i++) {
		struct mem_range r = pages(m, k, i);

		if (!is_empty(r) && r.start > x && r.start < next)
			next = r.start;
	}
	return next;
}

/*
 * The lowest free byte at or above x, or the window's end if there is none.
 * Every step that does not return moves x strictly up, so this terminates.
 */
static uint64_t next_free(const struct memmap *m, uint64_t x)
{
	while (x < m->window.end) {
		uint64_t past = end_at(m, RESERVED, x);

		if (past != x)
			x = past;
		else if (end_at(m, RAM, x) != x)
			return x;
		else
			x = next_start(m, RAM, x);
	}
	return m->window.end;
}

/*
 * The end of the free run starting at the free byte x.  No reservation
 * starting at or below x reaches past x (x is free), so the first one to
 * start above x is the only one that can cut the run short.
 */
static uint64_t run_end(const struct memmap *m, uint64_t x)
{
	uint64_t end = x, next;

	while ((next = end_at(m, RAM, end)) != end)
		end = next;
	next = next_start(m, RESERVED, x);
	return next < end ? next : end;
}

unsigned memmap_free_ranges(const struct mem_range *ram, unsigned nram,
			    const struct mem_range *reserved, unsigned nreserved,
			    uint64_t lo, uint64_t hi,
			    struct mem_range *out, unsigned max_out)
{
	struct memmap m = {
		.list = { ram, reserved },
		.count = { nram, nreserved },
	};
	unsigned n = 0;
	uint64_t x;

	/* Round the window inward; page_up(lo) cannot overflow below it. */
	m.window.end = page_down(hi);
	m.window.start = lo < m.window.end ? page_up(lo) : m.window.end;

	x = next_free(&m, m.window.start);
	while (x < m.window.end) {
		uint64_t end = run_end(&m, x);

		if (n == max_out)
			return max_out + 1;
		out[n++] = (struct mem_range){ x, end };
		x = next_free(&m, end);
	}
	return n;
}
