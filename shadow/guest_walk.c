/*
 * guest_walk.c - walk a guest's PAE page tables as a real CPU would.
 *
 * The walk goes down the three levels: the PDPT entry that cr3 and va pick,
 * the L2 entry in the table it names, then (unless that is a 2 MiB page) the
 * L1 entry.  Each entry is copied out of its frame, which is unmapped again
 * at once, so the guest cannot change it under us.  At each level, in the
 * order a CPU checks them (Intel SDM vol. 3, 4.7):
 *
 *   - not present: #PF without P (the other bits do not matter);
 *   - a reserved bit set: #PF with P and RSVD;
 *   - the frame it names is not the guest's: no fault a real CPU knows;
 *     the walk stops with w->bad and the caller crashes the guest.  This
 *     comes after the reserved bits, which keep a frame number below 2^24.
 *
 * Only once a page is reached are the rights checked: a real CPU completes
 * the translation first, so a user access through a supervisor-only L2
 * entry to a not-present L1 entry gets error code U, not P|U.  The rights
 * are the AND of RW and of US over L2 and L1, and NX if either has it.
 * Writes from ring 1 obey RW too, because the guest runs with CR0.WP=1.
 *
 * Where Warden departs from a CPU: the flags of a present PDPT entry are
 * ignored (a CPU would refuse them at mov cr3, but Xen guests write
 * RW|US|A|D|P there), and 2 MiB pages are allowed (Xen forbids them).
 * Accessed and dirty bits are not touched: the walk only reads
 * (guest_ad.c sets them once the access happens).
 */
#include <stdarg.h>

#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "lib/format.h"
#include "lib/reason.h"
#include "lib/string.h"
#include "shadow/guest_walk.h"

_Static_assert(GW_WRITE == PF_W && GW_USER == PF_U && GW_FETCH == PF_ID,
	       "GW_* are the access bits of the #PF error code");

#define GW_ACCESS	(GW_WRITE | GW_USER | GW_FETCH)
#define PDPT_OFFSET	0xfe0u		/* CR3 bits 11:5: where in its frame */
#define LARGE_FRAMES	(LARGE_PAGE_SIZE / PAGE_SIZE)

/* A walk in progress. */
struct walker {
	const struct guest_mem *mem;
	uint32_t nr_pfns;
	uint32_t access;	/* GW_* bits only */
	struct guest_walk *w;
};

/* The reason for a bad walk (lib/reason.h). */
__attribute__((format(printf, 2, 3)))
static bool stop_bad(struct guest_walk *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	w->bad = vreason(fmt, ap);
	va_end(ap);
	return false;
}

/* The guest's tables forbid the access: the #PF it would see. */
static bool stop_fault(struct walker *c, uint32_t flags)
{
	c->w->error_code = c->access | flags;
	return false;
}

/* Copy entry number index out of the table in frame pfn at byte offset base. */
static bool read_entry(const struct guest_mem *mem, uint32_t pfn,
		       uint32_t base, unsigned index, pte_t *e)
{
	const uint8_t *page = mem->map(mem->ctx, pfn);

	if (!page)
		return false;
	memcpy(e, page + base + index * sizeof(*e), sizeof(*e));
	mem->unmap(mem->ctx, page);
	return true;
}

/*
 * Whether frames first..first+count-1, named by entry index at level, are
 * all the guest's.  Compared in 64 bits: an L3 entry's frame number may
 * have up to 40 bits, and must not pass by being truncated.
 */
static bool own_frames(struct walker *c, unsigned level, unsigned index,
		       const char *what, uint64_t first, uint32_t count)
{
	if (first < c->nr_pfns && count <= c->nr_pfns - first)
		return true;
	return stop_bad(c->w, "L%u entry %u names %s at frame 0x%llx, past the "
			"end of the guest's 0x%x frames", level, index, what,
			(unsigned long long)first, c->nr_pfns);
}

/*
 * Follow a present table entry (L3 or L2) to the table it names, and read
 * entry next_index there into *next.
 */
static bool descend(struct walker *c, unsigned level, unsigned index, pte_t e,
		    uint32_t *table, unsigned next_index, pte_t *next)
{
	uint64_t pfn = pte_addr(e) >> PAGE_SHIFT;

	if (!own_frames(c, level, index, level == 3 ? "an L2 table" :
			"an L1 table", pfn, 1))
		return false;
	if (!read_entry(c->mem, (uint32_t)pfn, 0, next_index, next))
		return stop_bad(c->w, "L%u entry %u names frame 0x%x, which is "
				"not the guest's", level, index, (uint32_t)pfn);
	*table = (uint32_t)pfn;
	return true;
}

/* The PDPT entry for va: only its P bit and address count. */
static bool walk_l3(struct walker *c, uint32_t cr3, uint32_t va)
{
	struct guest_walk *w = c->w;
	uint32_t pdpt = cr3 >> PAGE_SHIFT;

	if (pdpt >= c->nr_pfns ||
	    !read_entry(c->mem, pdpt, cr3 & PDPT_OFFSET,
			l3_index(va), &w->l3e))
		return stop_bad(w, "cr3 0x%x is in frame 0x%x, which is not "
				"one of the guest's 0x%x frames", cr3, pdpt,
				c->nr_pfns);
	if (!(w->l3e & PTE_P))
		return stop_fault(c, 0);
	return descend(c, 3, l3_index(va), w->l3e, &w->l2_pfn, l2_index(va),
		       &w->l2e);
}

/* The checks every present L2 or L1 entry passes before it is used. */
static bool entry_valid(struct walker *c, pte_t e, uint64_t reserved)
{
	if (!(e & PTE_P))
		return stop_fault(c, 0);
	if (e & reserved)
		return stop_fault(c, PF_P | PF_RSVD);
	return true;
}

/* The L2 entry for va: a 2 MiB page ends the walk, a table leads to L1. */
static bool walk_l2(struct walker *c, uint32_t va)
{
	struct guest_walk *w = c->w;
	pte_t e = w->l2e;
	uint64_t first = (e & PDE_LARGE_ADDR_MASK) >> PAGE_SHIFT;

	w->large = (e & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS);
	if (!entry_valid(c, e, w->large ? PTE_RSVD_MASK | PDE_LARGE_RSVD_MASK :
			 PTE_RSVD_MASK))
		return false;
	if (!w->large)
		return descend(c, 2, l2_index(va), e, &w->l1_pfn, l1_index(va),
			       &w->l1e);
	if (!own_frames(c, 2, l2_index(va), "a 2 MiB page", first,
			LARGE_FRAMES))
		return false;
	/* Shadows map 2 MiB pages 4 KiB at a time: name the one va is in. */
	w->pfn = (uint32_t)first + l1_index(va);
	return true;
}

/* The L1 entry for va, which maps a 4 KiB page. */
static bool walk_l1(struct walker *c, uint32_t va)
{
	struct guest_walk *w = c->w;
	uint64_t pfn = pte_addr(w->l1e) >> PAGE_SHIFT;

	if (!entry_valid(c, w->l1e, PTE_RSVD_MASK) ||
	    !own_frames(c, 1, l1_index(va), "a 4 KiB page", pfn, 1))
		return false;
	w->pfn = (uint32_t)pfn;
	return true;
}

/* The page is reached: combine the rights and check the access against them. */
static bool check_rights(struct walker *c)
{
	struct guest_walk *w = c->w;
	/* A 2 MiB page has no L1 entry: let it grant RW and US, so the AND
	   below leaves the L2 entry's (and its l1e of 0 adds no NX). */
	pte_t l1 = w->large ? PTE_RW | PTE_US : w->l1e;

	w->writable = (w->l2e & l1 & PTE_RW) != 0;
	w->user = (w->l2e & l1 & PTE_US) != 0;
	w->executable = !((w->l2e | w->l1e) & PTE_NX);
	if (((c->access & GW_WRITE) && !w->writable) ||
	    ((c->access & GW_USER) && !w->user) ||
	    ((c->access & GW_FETCH) && !w->executable))
		return stop_fault(c, PF_P);
	return true;
}

bool guest_walk(const struct guest_mem *mem, uint32_t nr_pfns, uint32_t cr3,
		uint32_t va, uint32_t access, struct guest_walk *w)
{
	struct walker c = { mem, nr_pfns, access & GW_ACCESS, w };

	*w = (struct guest_walk){
		.l2_pfn = GW_NO_PFN, .l1_pfn = GW_NO_PFN, .pfn = GW_NO_PFN,
	};
	if (!walk_l3(&c, cr3, va) || !walk_l2(&c, va))
		return false;
	if (!w->large && !walk_l1(&c, va))
		return false;
	return check_rights(&c);
}
