/*
 * shadow_rmap.c - from a guest frame to the shadows that involve it.
 *
 * Two questions about a guest frame come up again and again, and each has
 * a list that starts in the frame's struct pfn_info:
 *
 *   - Which shadow tables copy it?  A guest page table can have several
 *     shadows: one per cached root that reaches it, and one per place it
 *     hangs in a tree (rights live in the L1 entries, so shadows are never
 *     shared).  A guest write to the table must change all of them.  The
 *     list starts at pfn_info.shadows and goes on through node.same.  A
 *     frame with a non-empty list is a page table, and is kept read-only
 *     in every shadow.
 *
 *   - Which shadow L1 entries map it writable?  When a frame becomes a page
 *     table (its list of tables goes from empty to one) or part of the GDT,
 *     exactly those entries must lose RW -- and Warden must find them
 *     without looking through every shadow.  The list starts at
 *     pfn_info.writable; each item names one entry as (node << 9 | slot),
 *     never 0 as node 0 does not exist, and the next item is kept in the
 *     node's links frame: 512 32-bit links, one per entry.
 *
 * Both lists are singly linked: frames rarely have more than a few
 * shadows or writable mappings, so a removal walks a short list.
 *
 * The invariant: a present writable shadow L1 entry is on the list of the
 * frame it maps, and that frame is not protected (pfn_protected).  Only
 * rmap_set_leaf() writes L1 entries, and shadow_protect() empties a list
 * as it takes RW away, so the invariant holds.
 *
 * A shadow entry names a machine frame; the frame table (mm/frame.h) says
 * which pseudo-physical frame of which domain it is.  Only this domain's
 * shadows can map its frames today; a shadow of another domain (the
 * monitor's, one day) mapping them would have to join these lists.
 */
#include "shadow/shadow_rmap.h"
#include "arch/x86_32/memlayout.h"
#include "mm/frame.h"
#include "mm/mapslot.h"

#define SLOT_BITS	9

static uint32_t item(unsigned node, unsigned slot)
{
	return (uint32_t)node << SLOT_BITS | slot;
}

static unsigned item_node(uint32_t it)
{
	return it >> SLOT_BITS;
}

static unsigned item_slot(uint32_t it)
{
	return it & (PAE_ENTRIES - 1);
}

/* The link kept for item it: the next item on its frame's list. */
static uint32_t next_item(const struct shadow *s, uint32_t it)
{
	uint32_t *links = frame_map(s->nodes[item_node(it)].links);
	uint32_t next = links[item_slot(it)];

	frame_unmap(links);
	return next;
}

static void set_next(const struct shadow *s, uint32_t it, uint32_t next)
{
	uint32_t *links = frame_map(s->nodes[item_node(it)].links);

	links[item_slot(it)] = next;
	frame_unmap(links);
}

/* The guest frame a shadow leaf entry maps. */
static struct pfn_info *leaf_frame(const struct shadow *s, pte_t e)
{
	const struct frame_info *f = frame_get((uint32_t)(pte_addr(e) >> PAGE_SHIFT));

	if (!f || f->type != FRAME_DOMAIN || f->owner != s->owner)
		return 0;
	return p2m_info(s->p2m, f->pfn);
}

static void add_writable(const struct shadow *s, struct pfn_info *g, uint32_t it)
{
	set_next(s, it, g->writable);
	g->writable = it;
}

static void remove_writable(const struct shadow *s, struct pfn_info *g, uint32_t it)
{
	uint32_t prev, next;

	if (g->writable == it) {
		g->writable = next_item(s, it);
		return;
	}
	for (prev = g->writable; prev; prev = next) {
		next = next_item(s, prev);
		if (next == it) {
			set_next(s, prev, next_item(s, it));
			return;
		}
	}
}

void rmap_set_leaf(struct shadow *s, unsigned i, unsigned slot, pte_t e)
{
	pte_t *table = frame_map(s->nodes[i].smfn);
	pte_t old = table[slot];
	struct pfn_info *g;

	table[slot] = e;
	frame_unmap(table);
	if ((old & PTE_RW) && (g = leaf_frame(s, old)))
		remove_writable(s, g, item(i, slot));
	if ((e & PTE_RW) && (g = leaf_frame(s, e)))
		add_writable(s, g, item(i, slot));
}

void rmap_forget_leaves(struct shadow *s, unsigned i)
{
	for (unsigned slot = 0; slot < PAE_ENTRIES; slot++)
		rmap_set_leaf(s, i, slot, 0);
}

void shadow_protect(struct shadow *s, uint32_t pfn)
{
	struct pfn_info *g = p2m_info(s->p2m, pfn);

	for (uint32_t it = g ? g->writable : 0; it; it = next_item(s, it)) {
		pte_t *table = frame_map(s->nodes[item_node(it)].smfn);

		table[item_slot(it)] &= ~PTE_RW;
		frame_unmap(table);
		s->stats.write_protects++;
	}
	if (g)
		g->writable = 0;
}

unsigned rmap_first_table(const struct shadow *s, uint32_t pfn)
{
	const struct pfn_info *g = p2m_info(s->p2m, pfn);

	return g ? g->shadows : 0;
}

void rmap_add_table(struct shadow *s, unsigned i)
{
	struct shadow_node *n = &s->nodes[i];
	struct pfn_info *g = n->gpfn == GW_NO_PFN ? 0 : p2m_info(s->p2m, n->gpfn);

	if (!g)
		return;
	n->same = g->shadows;
	g->shadows = (uint16_t)i;
	shadow_protect(s, n->gpfn);
}

void rmap_remove_table(struct shadow *s, unsigned i)
{
	struct shadow_node *n = &s->nodes[i];
	struct pfn_info *g = n->gpfn == GW_NO_PFN ? 0 : p2m_info(s->p2m, n->gpfn);
	uint16_t *link = g ? &g->shadows : 0;

	while (link && *link && *link != i)
		link = &s->nodes[*link].same;
	if (!link || !*link)
		return;		/* not on the list */
	*link = n->same;
	n->same = 0;
	if (!g->shadows)
		s->stats.unshadows++;
}
