/*
 * memmap.h - ranges of physical memory, and which of them are free.
 *
 * The boot loader describes machine memory as a list of RAM ranges, and
 * Warden knows further ranges that are taken (firmware tables, its own
 * image, the boot loader's data, the guests' modules).  memmap_free_ranges()
 * turns both lists into the page-aligned ranges the frame allocator may hand
 * out.
 */
#ifndef MM_MEMMAP_H
#define MM_MEMMAP_H

#include <stdbool.h>
#include <stdint.h>

/* The physical bytes [start, end); empty if end <= start. */
struct mem_range {
	uint64_t start, end;
};

/* True if a and b share at least one byte; an empty range overlaps nothing. */
bool memmap_overlaps(struct mem_range a, struct mem_range b);

/*
 * The page-aligned free ranges of machine memory: the RAM ranges rounded
 * inward to whole pages, minus every reserved range rounded outward to whole
 * pages, clipped to [lo, hi) (itself rounded inward to whole pages).
 *
 * The input ranges may be unsorted, overlapping, empty or inverted
 * (end <= start: ignored).  The output is sorted, non-overlapping, with
 * adjacent ranges merged.  There is no limit on the number of input ranges;
 * the cost grows with the square of their number, which is fine for the few
 * dozen a machine has.
 *
 * Returns the number of ranges written to out.  If more than max_out would
 * be needed, writes the lowest max_out and returns max_out + 1, so the caller
 * can tell.
 */
unsigned memmap_free_ranges(const struct mem_range *ram, unsigned nram,
			    const struct mem_range *reserved, unsigned nreserved,
			    uint64_t lo, uint64_t hi,
			    struct mem_range *out, unsigned max_out);

#endif
