/*
 * shadow_world.h - a guest, a CPU and Warden's fault path, on the host, for
 * the shadow tests (test_shadow.c, test_shadow_model.c).
 *
 * The world is one domain of WORLD_PFNS frames (shadow_shim.c) whose page
 * tables a test writes directly, and its shadow.  world_touch() is what
 * the CPU and core/guest_fault.c do together: walk the shadow as the MMU
 * would, and on a fault classify it and act on it, until the access goes
 * through or the guest gets the fault.  world_problem() checks every
 * invariant the shadow code promises, against the guest's own tables.
 */
#ifndef TESTS_UNIT_SHADOW_WORLD_H
#define TESTS_UNIT_SHADOW_WORLD_H

#include <stdbool.h>
#include <stdint.h>
#include "shadow/fault_classify.h"
#include "shadow/shadow.h"

#define WORLD_PFNS	2048		/* 8 MiB */
#define NO_FAULT	PF_OUTCOMES	/* world_touch: the access just worked */
#define LIVELOCK	(PF_OUTCOMES + 1)	/* ... it never did */
#define NO_MEMORY	(PF_OUTCOMES + 2)	/* ... a fill failed */

extern struct p2m world_p2m;
extern struct shadow world;

/* A fresh arena and domain, and a shadow for the L3 at root_pfn with a
 * budget of `pages` frames. */
void world_init(uint32_t root_pfn, uint32_t pages);

/* Guest frame pfn as a table of 512 entries. */
pte_t *world_table(uint32_t pfn);

/* The guest writes entry index of table pfn (bytes [4 * half, +4) only,
 * if half is 0 or 1; the whole entry if it is 2), and Warden hears of it
 * as table_write() tells it. */
void world_write(uint32_t pfn, unsigned index, pte_t e, unsigned half);

/* The guest accesses va (GW_* bits); the first fault's outcome, NO_FAULT,
 * LIVELOCK or NO_MEMORY. */
unsigned world_touch(uint32_t va, uint32_t access);

/* Whether the MMU lets the access through the shadow as it is now. */
bool world_mmu_allows(uint32_t va, uint32_t access);

/* The shadow leaf the CPU would use for va now, or 0. */
pte_t world_leaf(uint32_t va);

/* NULL if every invariant holds, else the first one broken. */
const char *world_problem(void);

#endif
