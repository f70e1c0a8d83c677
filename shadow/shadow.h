/*
 * shadow.h - the page tables the CPU really walks for a guest.
 */
#ifndef SHADOW_SHADOW_H
#define SHADOW_SHADOW_H

#include <stdint.h>
#include "arch/x86_32/pae.h"
#include "mm/p2m.h"
#include "mm/switcher_map.h"
#include "shadow/guest_walk.h"

#define SHADOW_NODES	256		/* shadow tables per vCPU, at most */
#define SHADOW_ROOT	0		/* nodes[0]: the shadow L3 */
#define SHADOW_TOP	1		/* nodes[1]: the top GiB's shadow L2 */
#define SHADOW_FIRST_FREE 2		/* the others come and go */

/* One shadow table: which guest table it copies, and where it hangs. */
struct shadow_node {
	uint32_t smfn;		/* the shadow table's machine frame */
	uint32_t gpfn;		/* the guest table it shadows; GW_NO_PFN for a
				 * 2 MiB guest page split into 4 KiB entries */
	uint8_t level;		/* 3 (the root), 2 or 1 */
	uint8_t in_use;
	uint16_t parent;	/* the node whose entry points here */
	uint16_t parent_slot;	/* and that entry's index */
};

struct shadow_stats {
	uint64_t fills;		/* shadow misses filled */
	uint64_t tables;	/* shadow tables made */
	uint64_t invalidations;	/* shadow entries dropped after guest writes */
	uint64_t resets;	/* every shadow dropped at once */
};

struct shadow {
	const struct p2m *p2m;		/* the domain's memory */
	uint16_t owner;			/* the domain's id */
	uint32_t guest_cr3;		/* pseudo-physical address of its L3 */
	struct shadow_node nodes[SHADOW_NODES];
	struct shadow_stats stats;
};

enum shadow_fill {
	SHADOW_FILLED,		/* resume the guest */
	SHADOW_RETRY,		/* shadows were dropped: resume, it faults again */
	SHADOW_NO_MEMORY,	/* no frame for a shadow table */
};

/* A shadow with an empty root for the guest tables at guest_cr3; NULL or
 * why not.  switcher_l1 is the vCPU's switcher page table. */
const char *shadow_init(struct shadow *s, const struct p2m *p2m,
			uint16_t owner, uint32_t switcher_l1, uint32_t guest_cr3);
void shadow_destroy(struct shadow *s);

/* The machine address to load into CR3. */
uint32_t shadow_cr3(const struct shadow *s);

/* The guest switched to the tables at guest_cr3 (a new base pointer). */
void shadow_set_base(struct shadow *s, uint32_t guest_cr3);

/* Make the shadow entries for va from the guest walk w (which reached a
 * page and allows the access). */
enum shadow_fill shadow_fill(struct shadow *s, uint32_t va,
			     const struct guest_walk *w);

/* Bytes [offset, offset + len) of guest frame pfn changed: drop the shadow
 * entries made from them. */
void shadow_guest_wrote(struct shadow *s, uint32_t pfn, uint32_t offset,
			uint32_t len);

/* The levels (bit n for level n) at which byte offset of guest frame pfn
 * is an entry of a table some shadow copies; 0 if none. */
unsigned shadow_levels_at(const struct shadow *s, uint32_t pfn, uint32_t offset);

/* Drop every shadow table but the (emptied) root. */
void shadow_drop_all(struct shadow *s);

#endif
