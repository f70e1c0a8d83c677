/*
 * frame_setup.c - bringing up the frame table.
 *
 * A chicken and egg: the frame table says which frames are free, and the
 * table needs frames to live in.  So: find the top of RAM, size the table,
 * place it in the first free direct-mapped range that can hold it (free
 * meaning RAM minus everything busy), then compute the free ranges again
 * with the table counted as busy and hand those to the allocator.
 */
#include "mm/frame_setup.h"
#include "mm/directmap.h"
#include "mm/frame.h"

#define LOW_MEMORY_END		0x100000ull	/* BIOS data, VGA, option ROMs */
#define MAX_FREE_RANGES		64
#define MAX_BUSY_RANGES		60

static uint64_t ram_top(const struct mem_range *ram, unsigned nram)
{
	uint64_t top = 0;

	for (unsigned i = 0; i < nram; i++)
		if (ram[i].end > top && ram[i].end > ram[i].start)
			top = ram[i].end;
	return top < FRAME_SETUP_MAX_ADDR ? top : FRAME_SETUP_MAX_ADDR;
}

/* RAM minus busy within [LOW_MEMORY_END, hi), into free[]; returns how
 * many.  Past MAX_FREE_RANGES ranges, the rest of RAM stays unused. */
static unsigned free_ranges(const struct mem_range *ram, unsigned nram,
			    const struct mem_range *busy, unsigned nbusy,
			    uint64_t hi, struct mem_range *free)
{
	unsigned n = memmap_free_ranges(ram, nram, busy, nbusy, LOW_MEMORY_END,
					hi, free, MAX_FREE_RANGES);

	return n < MAX_FREE_RANGES ? n : MAX_FREE_RANGES;
}

/* The first free direct-mapped range with room for bytes, or {0, 0}. */
static struct mem_range place_table(const struct mem_range *ram, unsigned nram,
				    const struct mem_range *busy, unsigned nbusy,
				    uint64_t bytes)
{
	static struct mem_range free[MAX_FREE_RANGES];
	unsigned n = free_ranges(ram, nram, busy, nbusy, DIRECTMAP_SIZE, free);

	for (unsigned i = 0; i < n; i++)
		if (free[i].end - free[i].start >= bytes)
			return (struct mem_range){ free[i].start,
						   free[i].start + bytes };
	return (struct mem_range){ 0, 0 };
}

static void add_free_ranges(const struct mem_range *ram, unsigned nram,
			    const struct mem_range *busy, unsigned nbusy,
			    uint64_t top)
{
	static struct mem_range free[MAX_FREE_RANGES];
	unsigned n = free_ranges(ram, nram, busy, nbusy, top, free);

	for (unsigned i = 0; i < n; i++)
		frame_add_free((uint32_t)(free[i].start >> 12),
			       (uint32_t)((free[i].end - free[i].start) >> 12));
}

const char *frame_setup(const struct mem_range *ram, unsigned nram,
			const struct mem_range *busy, unsigned nbusy)
{
	static struct mem_range busy_and_table[MAX_BUSY_RANGES + 1];
	uint64_t top = ram_top(ram, nram);
	uint32_t nframes = (uint32_t)(top >> 12);
	uint64_t bytes = ((uint64_t)nframes * sizeof(struct frame_info) + 4095) & ~4095ull;
	struct mem_range table;

	if (nframes == 0)
		return "no RAM in the memory map";
	if (nbusy > MAX_BUSY_RANGES)
		return "too many busy ranges";
	table = place_table(ram, nram, busy, nbusy, bytes);
	if (table.end == 0)
		return "no free direct-mapped RAM to hold the frame table";
	for (unsigned i = 0; i < nbusy; i++)
		busy_and_table[i] = busy[i];
	busy_and_table[nbusy] = table;

	frame_table_init(directmap(table.start), nframes);
	add_free_ranges(ram, nram, busy_and_table, nbusy + 1, top);
	frame_claim((uint32_t)(table.start >> 12), (uint32_t)(bytes >> 12),
		    FRAME_WARDEN, OWNER_WARDEN);
	return 0;
}
