/*
 * p2m.h - a domain's pseudo-physical memory: frames 0..nr-1 as the guest
 * sees them, and the machine frame behind each.
 */
#ifndef MM_P2M_H
#define MM_P2M_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_32/memlayout.h"

#define P2M_MAX_PFNS		(256u * 256 + 1)	/* 256 MiB and shared info */

/*
 * What Warden knows about one pseudo-physical frame of a domain.  The two
 * list heads are the shadow code's reverse map (shadow/shadow_rmap.c); 0
 * is an empty list.
 */
struct pfn_info {
	uint32_t mfn;
	uint32_t writable;	/* first shadow L1 entry mapping it writable */
	uint16_t shadows;	/* first shadow table made from it (a node) */
	uint8_t gdt;		/* part of the guest's GDT */
	uint8_t unused;
	uint16_t write_watches;	/* write watches covering some byte of it */
	uint16_t exec_watches;	/* execute watches covering some byte of it */
};

#define P2M_INFO_PER_FRAME	(PAGE_SIZE / sizeof(struct pfn_info))
#define P2M_MAX_TABLE_FRAMES	((P2M_MAX_PFNS + P2M_INFO_PER_FRAME - 1) / \
				 P2M_INFO_PER_FRAME)

struct p2m {
	uint16_t owner;
	uint32_t nr_pfns;	/* frames of the domain, all of them RAM */
	uint32_t table[P2M_MAX_TABLE_FRAMES];	/* machine frames of pfn_info[] */
};

/* Give domain `owner` nr_pfns zeroed frames; NULL or why not. */
const char *p2m_alloc(struct p2m *m, uint16_t owner, uint32_t nr_pfns);

/* Return every frame (the domain's and the table's) to the allocator. */
void p2m_free(struct p2m *m);

/* The record of frame pfn, or NULL if pfn is not the domain's. */
struct pfn_info *p2m_info(const struct p2m *m, uint32_t pfn);

/* Whether some shadow table copies the frame: it is a guest page table. */
static inline bool pfn_is_table(const struct pfn_info *i)
{
	return i->shadows != 0;
}

/* Whether the shadows must map the frame read-only. */
static inline bool pfn_protected(const struct pfn_info *i)
{
	return pfn_is_table(i) || i->gdt || i->write_watches;
}

#endif
