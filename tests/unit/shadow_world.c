/*
 * shadow_world.c - a guest, a CPU and Warden's fault path on the host (see
 * shadow_world.h), and the invariants a shadow must keep:
 *
 *   1. the trees are well formed: each present L3/L2 entry points at the
 *      node hanging there, L3 entries carry only P, L2 entries P|RW|US;
 *   2. every present leaf is a subset of the guest's walk for its address
 *      in its own root: the same frame, US and NX as the walk says, no
 *      other bits copied, A set in the guest's entries, and RW only if the
 *      walk allows writes, the guest's entry is dirty, the frame is not
 *      protected, and the entry is on that frame's writable list;
 *   3. the writable lists hold exactly the writable leaves, and the table
 *      lists exactly the nodes that copy a frame;
 *   4. the frames in use are those the nodes hold, within the budget;
 *   5. the cached roots are exactly the L3 nodes, the one in use among them.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/shadow_world.h"
#include "arch/x86_32/memlayout.h"
#include "mm/frame.h"
#include "mm/switcher_map.h"
#include "shadow/guest_mem.h"
#include "tests/unit/shadow_shim.h"

#define LEAF_BITS	(PTE_P | PTE_RW | PTE_US | PTE_NX | PTE_ADDR_MASK)

struct p2m world_p2m;
struct shadow world;

static char problem[200];
static unsigned writable_leaves;	/* found by the walk of the trees */
static unsigned reached;		/* nodes found by it */

#define FAIL_IF(cond, ...)						\
	do {								\
		if ((cond) && !problem[0])				\
			snprintf(problem, sizeof(problem), __VA_ARGS__);	\
	} while (0)

void world_init(uint32_t root_pfn, uint32_t pages)
{
	shim_reset();
	shim_p2m(&world_p2m, WORLD_PFNS);
	if (shadow_init(&world, &world_p2m, SHIM_OWNER, 0,
			root_pfn << PAGE_SHIFT, pages))
		abort();
}

pte_t *world_table(uint32_t pfn)
{
	return shim_guest_page(&world_p2m, pfn);
}

void world_write(uint32_t pfn, unsigned index, pte_t e, unsigned half)
{
	uint32_t from = half < 2 ? 4 * half : 0, len = half < 2 ? 4 : 8;
	uint8_t bytes[8];

	memcpy(bytes, &e, sizeof(bytes));
	memcpy((uint8_t *)world_table(pfn) + index * 8 + from, bytes + from, len);
	shadow_guest_wrote(&world, pfn, index * 8 + from, len);
}

static pte_t *table_of(pte_t e)
{
	return shim_frame((uint32_t)(pte_addr(e) >> PAGE_SHIFT));
}

pte_t world_leaf(uint32_t va)
{
	pte_t e = shim_frame(shadow_cr3(&world) >> PAGE_SHIFT)[l3_index(va)];

	if (e & PTE_P)
		e = table_of(e)[l2_index(va)];
	if (e & PTE_P)
		e = table_of(e)[l1_index(va)];
	return e & PTE_P ? e : 0;
}

/* The hardware error code for access at va (bit 31 set when it is 0),
 * or 0 if the MMU allows it. */
static uint32_t mmu_fault(uint32_t va, uint32_t access)
{
	pte_t leaf = world_leaf(va);

	if (!(leaf & PTE_P))
		return access | 0x80000000u;	/* not present (P clear) */
	if (((access & GW_WRITE) && !(leaf & PTE_RW)) ||
	    ((access & GW_USER) && !(leaf & PTE_US)) ||
	    ((access & GW_FETCH) && (leaf & PTE_NX)))
		return access | PF_P;
	return 0;
}

static bool fills(enum pf_outcome o)
{
	return o == PF_SHADOW_MISS || o == PF_DIRTY_BIT || o == PF_STALE_READ_ONLY;
}

bool world_mmu_allows(uint32_t va, uint32_t access)
{
	return mmu_fault(va, access) == 0;
}

/* The CPU's part and Warden's (core/guest_fault.c, without the emulator:
 * an emulated write writes back the value that is there). */
unsigned world_touch(uint32_t va, uint32_t access)
{
	unsigned first = NO_FAULT;

	for (int tries = 0; tries < 4; tries++) {
		uint32_t fault = mmu_fault(va, access);
		struct pf_info pf;

		if (!fault)
			return first;
		fault_classify(&world, va, fault & 0x1f, &pf);
		world.faults[pf.outcome]++;
		if (first == NO_FAULT)
			first = pf.outcome;
		if (pf.outcome == PF_TABLE_WRITE)
			shadow_guest_wrote(&world, pf.walk.pfn, va & 0xffc, 4);
		if (!fills(pf.outcome))
			return first;
		if (!shadow_fill(&world, va, &pf.walk, fault & PF_W))
			return NO_MEMORY;
	}
	return LIVELOCK;
}

/* The item after it on a writable list (shadow_rmap.c's encoding). */
static uint32_t next_link(uint32_t it)
{
	return ((uint32_t *)shim_frame(world.nodes[it >> 9].links))[it & 511];
}

static bool on_list(uint32_t first, uint32_t want)
{
	for (unsigned n = 0; first && n < 100000; n++, first = next_link(first))
		if (first == want)
			return true;
	return false;
}

/* Invariant 2 for the leaf e at (node, slot), which maps va. */
static void check_leaf(unsigned node, unsigned slot, uint32_t va, pte_t e,
		       uint32_t cr3)
{
	struct guest_mem mem = guest_mem_of(&world_p2m);
	const struct pfn_info *g;
	struct guest_walk w;

	if (!guest_walk(&mem, WORLD_PFNS, cr3, va, 0, &w)) {
		FAIL_IF(1, "leaf for 0x%x (cr3 0x%x) but the guest maps nothing", va, cr3);
		return;
	}
	g = p2m_info(&world_p2m, w.pfn);
	FAIL_IF(pte_addr(e) >> PAGE_SHIFT != g->mfn, "leaf for 0x%x maps the wrong frame", va);
	FAIL_IF(e & ~LEAF_BITS, "leaf for 0x%x has bits 0x%llx", va,
		(unsigned long long)(e & ~LEAF_BITS));
	FAIL_IF(!(e & PTE_US) != !w.user, "leaf for 0x%x: US differs", va);
	FAIL_IF(!(e & PTE_NX) != w.executable, "leaf for 0x%x: NX differs", va);
	FAIL_IF(!(w.l2e & PTE_A) || !(guest_walk_leaf(&w) & PTE_A),
		"leaf for 0x%x but the guest's entries are not accessed", va);
	if (!(e & PTE_RW))
		return;
	writable_leaves++;
	FAIL_IF(!w.writable || !(guest_walk_leaf(&w) & PTE_D) || pfn_protected(g),
		"leaf for 0x%x is writable and should not be", va);
	FAIL_IF(!on_list(g->writable, (uint32_t)node << 9 | slot),
		"writable leaf for 0x%x is not on its frame's list", va);
}

static uint32_t va_of(uint32_t base, unsigned level, unsigned slot)
{
	return base | (uint32_t)slot << (level == 3 ? 30 : level == 2 ? 21 : 12);
}

/* The nodes hanging from node i, by slot. */
static void children(unsigned i, uint16_t child[512])
{
	memset(child, 0, 512 * sizeof(*child));
	for (unsigned c = world.nodes[i].child; c; c = world.nodes[c].sibling) {
		FAIL_IF(world.nodes[c].parent != i ||
			world.nodes[c].level != world.nodes[i].level - 1,
			"node %u hangs from %u", c, i);
		child[world.nodes[c].slot & 511] = (uint16_t)c;
	}
}

/* Invariants 1 and 2 for node i, which maps from va base, and below. */
static void check_node(unsigned i, uint32_t base, uint32_t cr3)
{
	const struct shadow_node *n = &world.nodes[i];
	unsigned entries = n->level == 3 ? 4 : 512;
	bool top = n->level == 2 && n->slot == 3;
	uint16_t child[512];

	reached++;
	children(i, child);
	for (unsigned slot = 0; slot < entries; slot++) {
		pte_t e = shim_frame(n->smfn)[slot];
		unsigned c = child[slot];

		if (top && slot >= WARDEN_L2_FIRST) {
			FAIL_IF(e != (SHIM_SWITCHER | (slot - WARDEN_L2_FIRST)),
				"Warden's entry %u of a top L2 changed", slot);
			continue;
		}
		if (n->level == 1) {
			if (e & PTE_P)
				check_leaf(i, slot, va_of(base, 1, slot), e, cr3);
			continue;
		}
		FAIL_IF(!(e & PTE_P) != !c, "node %u entry %u and its child disagree", i, slot);
		if (!c)
			continue;
		FAIL_IF(pte_addr(e) >> PAGE_SHIFT != world.nodes[c].smfn ||
			(e & ~PTE_ADDR_MASK) != (n->level == 3 ? PTE_P : PTE_P | PTE_RW | PTE_US),
			"node %u entry %u: 0x%llx", i, slot, (unsigned long long)e);
		check_node(c, va_of(base, n->level, slot), cr3);
	}
}

/* Invariant 3: list lengths against what the trees hold. */
static void check_lists(void)
{
	unsigned listed = 0, copies = 0, chained = 0;

	for (uint32_t pfn = 0; pfn < WORLD_PFNS; pfn++) {
		const struct pfn_info *g = p2m_info(&world_p2m, pfn);

		for (uint32_t it = g->writable; it && listed <= writable_leaves; listed++)
			it = next_link(it);
		for (unsigned i = g->shadows; i; i = world.nodes[i].same) {
			FAIL_IF(world.nodes[i].gpfn != pfn, "node %u on the list of the wrong frame", i);
			chained++;
		}
	}
	for (unsigned i = 1; i <= SHADOW_MAX_PAGES; i++)
		copies += world.nodes[i].level && world.nodes[i].gpfn != GW_NO_PFN;
	FAIL_IF(listed != writable_leaves, "%u writable leaves, %u listed", writable_leaves, listed);
	FAIL_IF(chained != copies, "%u nodes copy frames, %u listed", copies, chained);
}

/* Invariants 4 and 5. */
static void check_budget_and_roots(void)
{
	uint32_t frames = 0;
	unsigned roots = 0, cached = 0, nodes = 0;
	bool current = false;

	for (unsigned i = 1; i <= SHADOW_MAX_PAGES; i++) {
		frames += world.nodes[i].level ? 1u + (world.nodes[i].level == 1) : 0;
		roots += world.nodes[i].level == 3;
		nodes += world.nodes[i].level != 0;
	}
	FAIL_IF(nodes != reached, "%u nodes, %u in the trees", nodes, reached);
	for (unsigned k = 0; k < SHADOW_ROOTS; k++) {
		cached += world.roots[k] != 0;
		current |= world.roots[k] == world.root;
		FAIL_IF(world.roots[k] && world.nodes[world.roots[k]].level != 3,
			"cached root %u is not an L3", world.roots[k]);
	}
	FAIL_IF(frames != world.frames, "%u frames counted, %u held", world.frames, frames);
	FAIL_IF(frame_count(FRAME_SHADOW) != frames, "%u shadow frames allocated, %u held",
		frame_count(FRAME_SHADOW), frames);
	FAIL_IF(frames > world.limit, "%u frames, over the limit %u", frames, world.limit);
	FAIL_IF(roots != cached || !current, "%u L3 nodes, %u cached, current %d", roots, cached, current);
}

const char *world_problem(void)
{
	problem[0] = 0;
	writable_leaves = reached = 0;
	FAIL_IF(shim_mapped() != 0, "%d frames left mapped", shim_mapped());
	for (unsigned k = 0; k < SHADOW_ROOTS; k++) {
		const struct shadow_node *r = &world.nodes[world.roots[k]];

		if (world.roots[k])
			check_node(world.roots[k], 0, r->gpfn << PAGE_SHIFT | r->base);
	}
	check_lists();
	check_budget_and_roots();
	return problem[0] ? problem : NULL;
}
