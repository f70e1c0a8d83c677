/*
 * shadow.c - shadow page tables, made lazily from the guest's.
 *
 * The guest keeps its own PAE page tables, with pseudo-physical frame
 * numbers in them; the CPU never sees them.  CR3 points at a shadow: a
 * tree of tables with the same shape, holding machine frames, that Warden
 * fills in one path at a time.  It starts empty, so the guest's first touch
 * of any address faults; the fault path walks the guest's tables in
 * software (guest_walk.c) and, if they allow the access, calls shadow_fill()
 * to copy that one path into the shadow -- setting the accessed bit (and
 * for a write the dirty bit) in the guest's entries on the way, as a CPU
 * would (guest_ad.c).  So the shadow is always a subset of what the
 * guest's tables say, never more.
 *
 * That only works if Warden sees every change to a guest table.  So a guest
 * frame that a shadow table copies is write-protected: every shadow entry
 * mapping it is read-only, and the guest's write faults into Warden, which
 * emulates it, validates it and calls shadow_guest_wrote().  That drops the
 * entries made from the bytes written, in every shadow of that table (the
 * reverse map, shadow_rmap.c, finds them); they are filled again on the
 * next fault.  Warden's own writes of accessed and dirty bits change no
 * mapping, so they drop nothing.
 *
 * A shadow leaf is writable only if the guest's entry allows writes, the
 * frame is not protected, and the guest's entry is already dirty.  "If
 * this is a read, don't set the writable bit ... even if the Guest says
 * it's writable.  That way we will come back here when a write does
 * actually occur" (lguest): the first write to a clean page faults, and
 * that fault sets D in the guest's entry.  A 2 MiB guest page is split
 * into 4 KiB shadow entries, its A and D bits kept in the guest's L2
 * entry; nothing but the frame and the rights is copied (no PS, PAT, cache
 * or global bits: the G bit would leak mappings between domains on a real
 * CPU).
 *
 * Rights live in the L1 entries only: a shadow L2 entry allows everything,
 * and each shadow L1 entry gets the rights of the whole guest walk (RW and
 * US only if every level allows them, NX if any level forbids execution).
 * That is why shadow tables are not shared: each guest L2 entry gets its
 * own shadow L1.
 *
 * The trees are kept per guest address space (shadow_root.c) and within a
 * memory budget (shadow_pool.c).  Every change happens while Warden runs in
 * its own address space, and entering a guest loads CR3, so no stale
 * translation of a shadow survives into the guest (TLB entries are never
 * global).
 */
#include "shadow/shadow.h"
#include "arch/x86_32/memlayout.h"
#include "mm/directmap.h"
#include "mm/mapslot.h"
#include "mm/switcher_map.h"
#include "shadow/guest_ad.h"
#include "shadow/shadow_pool.h"
#include "shadow/shadow_rmap.h"

/* The node for entry `slot` of node parent, made to copy guest table gpfn
 * if there is none; 0 if there is no memory. */
static unsigned table_for(struct shadow *s, unsigned parent, unsigned slot,
			  uint32_t gpfn)
{
	unsigned i = pool_child(s, parent, slot);

	if (!i) {
		i = pool_alloc(s, s->nodes[parent].level - 1u);
		if (!i)
			return 0;
		s->nodes[i].gpfn = gpfn;
		pool_hang(s, parent, slot, i);
		rmap_add_table(s, i);
	}
	pool_touch(s, i);
	return i;
}

/* Empty the guest's part of a top L2; true if it copied a table. */
static bool reset_top(struct shadow *s, unsigned top)
{
	struct shadow_node *n = &s->nodes[top];
	bool copied = n->gpfn != GW_NO_PFN;

	while (n->child)
		pool_free(s, n->child);
	rmap_remove_table(s, top);
	n->gpfn = GW_NO_PFN;
	return copied;
}

/* The root's top-GiB L2, made to copy guest table gpfn. */
static unsigned top_table(struct shadow *s, uint32_t gpfn)
{
	unsigned top = pool_child(s, s->root, SHADOW_TOP_SLOT);

	if (s->nodes[top].gpfn != gpfn) {
		reset_top(s, top);
		s->nodes[top].gpfn = gpfn;
		rmap_add_table(s, top);
	}
	pool_touch(s, top);
	return top;
}

static const pte_t *table_map(uint32_t smfn);
static void table_unmap(const pte_t *t);

/* The leaf: the guest walk's frame and combined rights, writable only
 * once the guest's entry is dirty and while the frame is not protected. */
static pte_t leaf_entry(const struct shadow *s, const struct guest_walk *w,
			unsigned relax)
{
	const struct pfn_info *g = p2m_info(s->p2m, w->pfn);
	pte_t e = ((uint64_t)g->mfn << PAGE_SHIFT) | PTE_P;

	if (w->writable && (guest_walk_leaf(w) & PTE_D) &&
	    ((relax & SHADOW_RELAX_WRITE) || !pfn_protected(g)))
		e |= PTE_RW;
	if (w->user)
		e |= PTE_US;
	/* An execute watch makes the page no-execute in the shadow. */
	if (!w->executable || (g->exec_watches && !(relax & SHADOW_RELAX_EXEC)))
		e |= PTE_NX;
	return e;
}

static bool fill(struct shadow *s, uint32_t va, struct guest_walk *w,
		 bool write, unsigned relax)
{
	unsigned l2, l1;

	s->clock++;
	pool_touch(s, s->root);
	if (l3_index(va) == SHADOW_TOP_SLOT)
		l2 = top_table(s, w->l2_pfn);
	else
		l2 = table_for(s, s->root, l3_index(va), w->l2_pfn);
	l1 = l2 ? table_for(s, l2, l2_index(va),
			    w->large ? GW_NO_PFN : w->l1_pfn) : 0;
	if (!l1)
		return false;
	guest_ad_mark(s->p2m, va, w, write);
	rmap_set_leaf(s, l1, l1_index(va), leaf_entry(s, w, relax));
	s->stats.fills++;
	return true;
}

bool shadow_fill(struct shadow *s, uint32_t va, struct guest_walk *w,
		 bool write)
{
	return fill(s, va, w, write, 0);
}

bool shadow_fill_unprotected(struct shadow *s, uint32_t va, struct guest_walk *w,
			     unsigned relax)
{
	return fill(s, va, w, (relax & SHADOW_RELAX_WRITE) != 0, relax);
}

void shadow_unmap_frame(struct shadow *s, uint32_t pfn)
{
	const struct pfn_info *g = p2m_info(s->p2m, pfn);
	pte_t target = g ? (uint64_t)g->mfn << PAGE_SHIFT : 0;

	for (unsigned i = 1; g && i <= SHADOW_MAX_PAGES; i++) {
		const pte_t *t;

		if (s->nodes[i].level != 1)
			continue;
		t = table_map(s->nodes[i].smfn);
		for (unsigned slot = 0; slot < PAE_ENTRIES; slot++) {
			if ((t[slot] & PTE_P) && pte_addr(t[slot]) == target) {
				table_unmap(t);
				rmap_set_leaf(s, i, slot, 0);
				t = table_map(s->nodes[i].smfn);
			}
		}
		table_unmap(t);
	}
}

/* Drop shadow entry `slot` of node i, and any table below it; true if
 * that freed a table or made one copy nothing. */
static bool drop_entry(struct shadow *s, unsigned i, unsigned slot)
{
	unsigned child = pool_child(s, i, slot);
	pte_t *table;

	if (pool_is_top(s, i) && slot >= WARDEN_L2_FIRST)
		return false;	/* Warden's entries: the guest's do not count */
	if (s->nodes[i].level == 3 && slot == SHADOW_TOP_SLOT) {
		bool copied = reset_top(s, child);

		s->stats.invalidations += copied;
		return copied;
	}
	if (child) {
		pool_free(s, child);
		s->stats.invalidations++;
		return true;
	}
	table = frame_map(s->nodes[i].smfn);
	if (table[slot] & PTE_P)
		s->stats.invalidations++;
	frame_unmap(table);
	if (s->nodes[i].level == 1)
		rmap_set_leaf(s, i, slot, 0);
	return false;
}

/* Drop the entries of node i that bytes [offset, offset + len) of its
 * guest frame hold; true if tables were freed. */
static bool drop_range(struct shadow *s, unsigned i, uint32_t offset,
		       uint32_t len)
{
	uint32_t base = s->nodes[i].base;
	uint32_t entries = s->nodes[i].level == 3 ? 4 : PAE_ENTRIES;
	bool freed = false;

	for (uint32_t off = offset & ~7u; off < offset + len; off += 8)
		if (off >= base && (off - base) / 8 < entries)
			freed |= drop_entry(s, i, (off - base) / 8);
	return freed;
}

void shadow_guest_wrote(struct shadow *s, uint32_t pfn, uint32_t offset,
			uint32_t len)
{
	unsigned i = rmap_first_table(s, pfn);

	/* Freeing tables may take others off this frame's list (a frame can
	 * be an L2 and, below itself, an L1): start over after that. */
	while (i)
		i = drop_range(s, i, offset, len) ? rmap_first_table(s, pfn)
						  : s->nodes[i].same;
}

unsigned shadow_levels_at(const struct shadow *s, uint32_t pfn, uint32_t offset)
{
	unsigned levels = 0;

	for (unsigned i = rmap_first_table(s, pfn); i; i = s->nodes[i].same) {
		const struct shadow_node *n = &s->nodes[i];

		if (n->level != 3 || (offset >= n->base && offset < n->base + 32u))
			levels |= 1u << n->level;
	}
	return levels;
}

void shadow_forget(struct shadow *s, uint32_t pfn)
{
	unsigned i = rmap_first_table(s, pfn);

	while (i) {
		if (i == s->root) {
			i = s->nodes[i].same;
			continue;
		}
		if (pool_is_top(s, i))
			reset_top(s, i);
		else
			pool_free(s, i);
		i = rmap_first_table(s, pfn);
	}
}

/* A shadow frame's entries: through the direct map when it covers them. */
static const pte_t *table_map(uint32_t smfn)
{
	uint64_t pa = (uint64_t)smfn << PAGE_SHIFT;

	return directmap_covers(pa, PAGE_SIZE) ? directmap(pa) : frame_map(smfn);
}

static void table_unmap(const pte_t *t)
{
	if ((uintptr_t)t >= MAPSLOT_BASE)
		frame_unmap((void *)t);
}

/* Entry `slot` of the shadow table at smfn. */
static pte_t entry_of(uint32_t smfn, unsigned slot)
{
	const pte_t *t = table_map(smfn);
	pte_t e = t[slot];

	table_unmap(t);
	return e;
}

pte_t shadow_lookup(const struct shadow *s, uint32_t va)
{
	pte_t e = entry_of(s->nodes[s->root].smfn, l3_index(va));

	if (!(e & PTE_P))
		return 0;
	e = entry_of((uint32_t)(pte_addr(e) >> PAGE_SHIFT), l2_index(va));
	if (!(e & PTE_P))
		return 0;
	return entry_of((uint32_t)(pte_addr(e) >> PAGE_SHIFT), l1_index(va));
}

bool shadow_table_in_use(const struct shadow *s, uint32_t pfn)
{
	const struct pfn_info *g = p2m_info(s->p2m, pfn);

	for (unsigned i = g ? g->shadows : 0; i; i = s->nodes[i].same) {
		unsigned n = i;

		while (s->nodes[n].parent)
			n = s->nodes[n].parent;
		if (n == s->root)
			return true;
	}
	return false;
}
