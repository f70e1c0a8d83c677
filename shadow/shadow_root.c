/*
 * shadow_root.c - a vCPU's shadow roots, one per guest address space.
 *
 * A guest kernel switches address spaces (processes) by loading a new base
 * pointer (MMUEXT_NEW_BASEPTR, Xen's `mov cr3`).  Each guest top-level
 * table gets its own shadow root -- an L3 and its top-GiB L2 -- and the
 * tree Warden fills in below them.  Up to SHADOW_ROOTS of them stay cached,
 * so a switch back to a known address space reuses its tree instead of
 * faulting it all in again.  A cached tree stays true while it is not in
 * use because every guest table it copies stays write-protected, and a
 * guest write to one changes every shadow of it (shadow_rmap.c).
 *
 * A root is known by the guest's CR3: its L3 frame and the offset of the
 * four entries in it.  When the cache is full, the least recently used
 * root that is not in use goes, with its whole tree; the memory budget may
 * also evict roots (shadow_pool.c), but never the one in use.
 *
 * The top GiB's shadow L2 exists from the start, as it holds Warden's own
 * entries (the machine-to-physical table and the switcher), which must be
 * there before the guest runs at all.  It copies the guest's L2 for that
 * GiB only once a fault there needs it (shadow.c).
 */
#include "shadow/shadow.h"
#include "arch/x86_32/memlayout.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/mapslot.h"
#include "mm/switcher_map.h"
#include "shadow/shadow_pool.h"
#include "shadow/shadow_rmap.h"

#define PDPT_OFFSET	0xfe0u		/* CR3 bits 11:5 */

static unsigned find_root(const struct shadow *s, uint32_t guest_cr3)
{
	for (unsigned k = 0; k < SHADOW_ROOTS; k++) {
		const struct shadow_node *n = &s->nodes[s->roots[k]];

		if (s->roots[k] && n->gpfn == guest_cr3 >> PAGE_SHIFT &&
		    n->base == (guest_cr3 & PDPT_OFFSET))
			return s->roots[k];
	}
	return 0;
}

/* A free place in the cache; the least recently used root not in use
 * leaves it if there is none. */
static unsigned cache_slot(struct shadow *s)
{
	unsigned lru = SHADOW_ROOTS;

	for (unsigned k = 0; k < SHADOW_ROOTS; k++) {
		if (!s->roots[k])
			return k;
		if (s->roots[k] != s->root && (lru == SHADOW_ROOTS ||
		    s->nodes[s->roots[k]].used < s->nodes[s->roots[lru]].used))
			lru = k;
	}
	pool_free(s, s->roots[lru]);
	s->stats.evictions++;
	return lru;
}

/* The top GiB's L2: Warden's entries now, the guest's later. */
static unsigned new_top(struct shadow *s, unsigned root)
{
	unsigned top = pool_alloc(s, 2);
	pte_t *l2;

	if (!top)
		return 0;
	s->nodes[top].gpfn = GW_NO_PFN;
	pool_hang(s, root, SHADOW_TOP_SLOT, top);
	l2 = frame_map(s->nodes[top].smfn);
	switcher_map_top_entries(s->switcher_l1, &l2[WARDEN_L2_FIRST]);
	frame_unmap(l2);
	return top;
}

/* A new cached root for the guest tables at guest_cr3, or 0. */
static unsigned new_root(struct shadow *s, uint32_t guest_cr3)
{
	unsigned k = cache_slot(s), root = pool_alloc(s, 3);

	if (!root)
		return 0;
	s->nodes[root].gpfn = guest_cr3 >> PAGE_SHIFT;
	s->nodes[root].base = (uint16_t)(guest_cr3 & PDPT_OFFSET);
	rmap_add_table(s, root);
	if (!new_top(s, root)) {
		pool_free(s, root);
		return 0;
	}
	s->roots[k] = (uint16_t)root;
	return root;
}

static uint32_t clamp(uint32_t pages)
{
	if (pages == 0)
		return SHADOW_DEFAULT_PAGES;
	if (pages < SHADOW_MIN_PAGES)
		return SHADOW_MIN_PAGES;
	return pages > SHADOW_MAX_PAGES ? SHADOW_MAX_PAGES : pages;
}

const char *shadow_init(struct shadow *s, const struct p2m *p2m,
			uint16_t owner, uint32_t switcher_l1,
			uint32_t guest_cr3, uint32_t pages)
{
	memset(s, 0, sizeof(*s));
	s->p2m = p2m;
	s->owner = owner;
	s->switcher_l1 = switcher_l1;
	s->limit = clamp(pages);
	s->root = (uint16_t)new_root(s, guest_cr3);
	if (!s->root)
		return "no memory for the shadow root";
	s->guest_cr3 = guest_cr3;
	return 0;
}

void shadow_destroy(struct shadow *s)
{
	for (unsigned k = 0; k < SHADOW_ROOTS; k++)
		if (s->roots[k])
			pool_free(s, s->roots[k]);
	memset(s, 0, sizeof(*s));
}

uint32_t shadow_cr3(const struct shadow *s)
{
	return s->nodes[s->root].smfn << PAGE_SHIFT;
}

bool shadow_set_base(struct shadow *s, uint32_t guest_cr3)
{
	unsigned root = find_root(s, guest_cr3);

	s->clock++;
	if (root) {
		s->stats.root_hits++;
	} else {
		root = new_root(s, guest_cr3);
		if (!root)
			return false;
		s->stats.root_misses++;
	}
	pool_touch(s, root);
	s->root = (uint16_t)root;
	s->guest_cr3 = guest_cr3;
	return true;
}
