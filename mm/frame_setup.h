/*
 * frame_setup.h - from the boot memory map to a working frame allocator.
 */
#ifndef MM_FRAME_SETUP_H
#define MM_FRAME_SETUP_H

#include "mm/memmap.h"

/* Highest machine address Warden manages: frames are 32-bit numbers of
 * 4 KiB, but Warden keeps to the first 4 GiB. */
#define FRAME_SETUP_MAX_ADDR 0x100000000ull

/*
 * Make the frame table for the RAM ranges, and put every page of RAM that
 * is not in a busy range (Warden's image, boot information, modules) and
 * not below 1 MiB on the free list.  The table itself is placed in free,
 * direct-mapped RAM and is claimed for Warden.  Returns NULL, or why it
 * could not be done (no RAM, no room for the table).
 */
const char *frame_setup(const struct mem_range *ram, unsigned nram,
			const struct mem_range *busy, unsigned nbusy);

#endif
