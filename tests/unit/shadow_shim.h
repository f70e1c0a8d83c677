/*
 * shadow_shim.h - what the shadow code needs from the rest of Warden, on
 * the host: machine frames in a malloc'd arena (the real frame allocator,
 * mm/frame.c, hands them out; frame_map() is arena + mfn * 4096), one
 * domain's P2M records in an array, and the switcher's top-GiB entries as
 * recognisable values.  Unit tests of shadow/ link this instead of
 * mm/mapslot.c, mm/p2m.c and mm/switcher_map.c.
 */
#ifndef TESTS_UNIT_SHADOW_SHIM_H
#define TESTS_UNIT_SHADOW_SHIM_H

#include <stdint.h>
#include "arch/x86_32/pae.h"
#include "mm/p2m.h"

#define SHIM_FRAMES	4096		/* 16 MiB of "machine" memory */
#define SHIM_OWNER	5		/* the one domain's id */
#define SHIM_SWITCHER	0x7ff000ull	/* Warden's top-GiB entries: this | slot */

/* A fresh arena, every frame but frame 0 free. */
void shim_reset(void);

/* Give the domain nr_pfns zeroed frames (nr_pfns <= SHIM_FRAMES / 2). */
void shim_p2m(struct p2m *m, uint32_t nr_pfns);

/* Pointer to the start of guest frame pfn (through its machine frame). */
void *shim_guest_page(const struct p2m *m, uint32_t pfn);

/* Pointer to machine frame mfn, for a test's own looks (not counted). */
pte_t *shim_frame(uint32_t mfn);

/* frame_map() calls not yet undone by frame_unmap(). */
int shim_mapped(void);

#endif
