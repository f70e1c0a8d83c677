/*
 * p2m.h - a domain's pseudo-physical memory: frames 0..nr-1 as the guest
 * sees them, and the machine frame behind each.
 */
#ifndef MM_P2M_H
#define MM_P2M_H

#include <stdbool.h>
#include <stdint.h>

#define P2M_INFO_PER_FRAME	512		/* struct pfn_info per page */
#define P2M_MAX_TABLE_FRAMES	128		/* so at most 256 MiB a domain */
#define P2M_MAX_PFNS		(P2M_INFO_PER_FRAME * P2M_MAX_TABLE_FRAMES)

/* What Warden knows about one pseudo-physical frame of a domain. */
struct pfn_info {
	uint32_t mfn;
	uint16_t shadowed;	/* shadow tables made from this frame */
	uint8_t gdt;		/* part of the guest's GDT */
	uint8_t mapped_writable;/* some shadow entry may map it writable */
};

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

/* Whether the shadows must map pfn read-only. */
static inline bool pfn_protected(const struct pfn_info *i)
{
	return i->shadowed || i->gdt;
}

#endif
