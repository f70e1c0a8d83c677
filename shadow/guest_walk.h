/*
 * guest_walk.h - walk a guest's own PAE page tables in software.
 *
 * A guest's page tables hold pseudo-physical frame numbers, so the CPU never
 * walks them; it walks the shadows.  When a shadow faults, Warden walks the
 * guest's tables here, with the rules of a real CPU in PAE mode (CR0.WP=1,
 * EFER.NXE=1, no SMEP or SMAP), to learn two things: whether the guest's own
 * tables allow the access (if not, the guest sees the #PF a real CPU would
 * have given it), and which guest frame and rights the shadow entry gets.
 */
#ifndef SHADOW_GUEST_WALK_H
#define SHADOW_GUEST_WALK_H

#include <stdbool.h>
#include <stdint.h>

/*
 * How pure shadow code reads a guest's pseudo-physical memory: map returns a
 * pointer to the 4096 bytes of frame pfn (NULL if pfn is not the guest's),
 * unmap releases it.
 */
struct guest_mem {
	void *ctx;
	const void *(*map)(void *ctx, uint32_t pfn);
	void (*unmap)(void *ctx, const void *page);
};

/* Access bits, as in the #PF error code (PF_W, PF_U, PF_ID in pae.h). */
#define GW_WRITE	0x2
#define GW_USER		0x4	/* from ring 3; ring 1 is supervisor */
#define GW_FETCH	0x10

#define GW_NO_PFN	0xffffffffu	/* a frame the walk did not reach */

struct guest_walk {
	/* Entries read (0 where the walk did not get there; l1e is 0 for
	   a 2 MiB page). */
	uint64_t l3e, l2e, l1e;
	/* Table frames walked (GW_NO_PFN where not reached). */
	uint32_t l2_pfn, l1_pfn;
	/* The final frame (for a 2 MiB page: the 4 KiB frame inside it);
	   GW_NO_PFN if the walk did not reach a page. */
	uint32_t pfn;
	/* The L2 entry read is present and maps a 2 MiB page. */
	bool large;
	/* The combined rights of the walk (when it reached a page; else
	   false). */
	bool writable, user, executable;
	/* 0 if the access is allowed; else the #PF error code a real CPU
	   would give: P (0x1) if the failing entry was present, W (0x2) for
	   writes, U (0x4) for user accesses, RSVD (0x8), I/D (0x10) for
	   fetches.  A supervisor read of a not-present page gives error
	   code 0 on a real CPU too: tell a fault by guest_walk returning
	   false with bad NULL, never by error_code alone. */
	uint32_t error_code;
	/* Non-NULL if a present entry (or cr3) names a frame the guest does
	   not own ("L2 entry 3 names an L1 table at frame 0x12345, past the
	   end of the guest's 0x800 frames"): the walk cannot go on;
	   error_code is then 0 and the caller crashes the guest.  The text
	   lives in a static buffer that the next walk overwrites. */
	const char *bad;
};

/*
 * Walk the tables rooted at the guest's PDPT at pseudo-physical byte address
 * cr3 (32-byte aligned, inside one frame; bits 4:0 are ignored, as a CPU
 * ignores them) for an access of kind access (GW_* bits; other bits are
 * ignored, so a hardware error code may be passed as it is) at va.  Returns
 * true if the walk reached a page and the access is allowed (error_code 0,
 * bad NULL).  The walk only reads: the caller sets accessed and dirty bits.
 * Every frame mapped through mem is unmapped before it returns.
 */
bool guest_walk(const struct guest_mem *mem, uint32_t nr_pfns, uint32_t cr3,
		uint32_t va, uint32_t access, struct guest_walk *w);

/* The entry that maps the page a walk reached: the L1 entry, or the L2
 * entry of a 2 MiB page (where its accessed and dirty bits live). */
static inline uint64_t guest_walk_leaf(const struct guest_walk *w)
{
	return w->large ? w->l2e : w->l1e;
}

#endif
