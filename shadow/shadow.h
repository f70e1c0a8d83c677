/*
 * shadow.h - the page tables the CPU really walks for a guest (see
 * shadow.c for how they are made and kept true).
 */
#ifndef SHADOW_SHADOW_H
#define SHADOW_SHADOW_H

#include <stdbool.h>
#include <stdint.h>
#include "arch/x86_32/pae.h"
#include "mm/p2m.h"
#include "shadow/guest_walk.h"
#include "shadow/pf_outcome.h"

#define SHADOW_DEFAULT_PAGES	128	/* frames a domain's shadows may use */
#define SHADOW_MIN_PAGES	17	/* what one instruction may need: shadow_pool.c */
#define SHADOW_MAX_PAGES	512
#define SHADOW_ROOTS		8	/* guest top-level tables kept per vCPU */

/*
 * One shadow table (a node of a tree: a root L3, L2s below it, L1s below
 * those).  Nodes are numbered 1..SHADOW_MAX_PAGES; 0 means "none" in every
 * link, so an all-zero node is a free one.
 */
struct shadow_node {
	uint32_t smfn;		/* the shadow table's machine frame */
	uint32_t links;		/* L1 only: the frame of its reverse-map links */
	uint32_t gpfn;		/* the guest table it copies; GW_NO_PFN for a
				 * 2 MiB guest page split into 4 KiB entries,
				 * or a top L2 that copies nothing yet */
	uint32_t used;		/* the clock when a fault last went through it */
	uint16_t parent;	/* the node whose entry points here (0: a root) */
	uint16_t slot;		/* and that entry's index */
	uint16_t child;		/* the first node hanging from this one */
	uint16_t sibling;	/* the next node hanging from the same parent */
	uint16_t same;		/* the next node copying the same guest frame */
	uint16_t base;		/* byte offset of the guest entries in their
				 * frame: 0, or an L3's CR3 bits 11:5 */
	uint8_t level;		/* 3, 2 or 1; 0: the node is free */
};

struct shadow_stats {
	uint64_t fills;		/* shadow entries made on faults */
	uint64_t tables;	/* shadow tables made */
	uint64_t evictions;	/* shadow tables freed to make room */
	uint64_t root_hits;	/* new base pointers with a cached shadow */
	uint64_t root_misses;	/* ... and without */
	uint64_t write_protects;/* writable entries made read-only by the rmap */
	uint64_t unshadows;	/* frames that stopped being page tables */
	uint64_t invalidations;	/* shadow entries dropped after guest writes */
	uint32_t peak_frames;	/* the most frames in use at once */
};

struct shadow {
	const struct p2m *p2m;		/* the domain's memory */
	uint16_t owner;			/* the domain's id */
	uint32_t switcher_l1;		/* the vCPU's switcher page table */
	uint32_t guest_cr3;		/* pseudo-physical address of its L3 */
	uint16_t root;			/* the shadow of that L3: CR3's node */
	uint16_t roots[SHADOW_ROOTS];	/* every cached root (0: empty) */
	uint32_t clock;			/* counts faults and base pointers */
	uint32_t frames;		/* frames in use, links included ... */
	uint32_t limit;			/* ... and at most */
	struct shadow_node nodes[SHADOW_MAX_PAGES + 1];
	struct shadow_stats stats;
	uint64_t faults[PF_OUTCOMES];	/* page faults, by outcome */
};

/*
 * A shadow with one empty root, for the guest tables at guest_cr3, that
 * may use `pages` frames (0: SHADOW_DEFAULT_PAGES; raised to
 * SHADOW_MIN_PAGES, cut to SHADOW_MAX_PAGES).  switcher_l1 is the vCPU's
 * switcher page table.  NULL or why not.
 */
const char *shadow_init(struct shadow *s, const struct p2m *p2m,
			uint16_t owner, uint32_t switcher_l1,
			uint32_t guest_cr3, uint32_t pages);
void shadow_destroy(struct shadow *s);

/* The machine address to load into CR3. */
uint32_t shadow_cr3(const struct shadow *s);

/* The guest switched to the tables at guest_cr3 (a new base pointer): use
 * their cached shadow, or start one.  False if there is no memory for it
 * (nothing changes then). */
bool shadow_set_base(struct shadow *s, uint32_t guest_cr3);

/* Make the shadow entries for va from the guest walk w (which reached a
 * page and allows the access), setting the accessed bit -- and for a
 * write the dirty bit -- in the guest's entries as a CPU would.  False if
 * there is no memory for a shadow table, even after evicting others. */
bool shadow_fill(struct shadow *s, uint32_t va, struct guest_walk *w,
		 bool write);

/* Bytes [offset, offset + len) of guest frame pfn changed: drop the
 * entries made from them, in every shadow of that frame. */
void shadow_guest_wrote(struct shadow *s, uint32_t pfn, uint32_t offset,
			uint32_t len);

/* The levels (bit n for level n) at which byte offset of guest frame pfn
 * is an entry of a table some shadow copies; 0 if none. */
unsigned shadow_levels_at(const struct shadow *s, uint32_t pfn, uint32_t offset);

/* Frame pfn must not be written behind Warden's back any more (it is
 * becoming part of the GDT): make every writable mapping of it read-only. */
void shadow_protect(struct shadow *s, uint32_t pfn);

/* The leaf entry for va in the shadow CR3 points at now (0 if none).
 * It never allows more than the guest's own tables do. */
pte_t shadow_lookup(const struct shadow *s, uint32_t va);

/* Whether a shadow of guest table pfn is part of the tree in use now. */
bool shadow_table_in_use(const struct shadow *s, uint32_t pfn);

/* Fill va's entry with rights its frame's protection takes away -- writable
 * (SHADOW_RELAX_WRITE; w a write walk), executable under an execute watch
 * (SHADOW_RELAX_EXEC) -- for one single-stepped instruction.
 * shadow_protect() or shadow_unmap_frame() of the frame ends it.  False
 * if out of memory. */
#define SHADOW_RELAX_WRITE	1
#define SHADOW_RELAX_EXEC	2
bool shadow_fill_unprotected(struct shadow *s, uint32_t va, struct guest_walk *w,
			     unsigned relax);

/* Drop every shadow entry that maps guest frame pfn (so the next access
 * faults and is filled with the frame's current rights). */
void shadow_unmap_frame(struct shadow *s, uint32_t pfn);

/* The guest says frame pfn is no page table any more (it unpinned it):
 * drop every shadow table made from it but the root in use, so that the
 * frame, reused as data, is not write-protected for a cached shadow. */
void shadow_forget(struct shadow *s, uint32_t pfn);

#endif
