/*
 * shadow_pool.c - shadow tables, within a memory budget.
 *
 * Each shadow table is a node: its frame, the guest table it copies, and
 * its place in a tree (parent and slot; first child and next sibling, so
 * a subtree is freed without searching).  A vCPU's shadows may use
 * s->limit frames (shadow_pages=N on the domain's command line): one per
 * table, and for an L1 one more for its reverse-map links
 * (shadow_rmap.c).  When a new table would pass the limit, or the machine
 * has no free frame, the least recently used table goes, with everything
 * below it; the guest faults it back in when it needs it.  Nothing is
 * lost: a shadow only ever holds a copy of what the guest's tables say.
 *
 * "Used" means a fault (or a base pointer switch) went through the node:
 * Warden sees no other use, as the CPU walks shadows by itself.  A fill
 * touches its whole path, so a table is never older than the tables below
 * it.  Never evicted: the root in use, any root's top-GiB L2 (it goes
 * with its root, as it carries Warden's own entries), and the nodes the
 * fault being handled has already touched (the path it is building).
 *
 * Why SHADOW_MIN_PAGES is 17: one x86 instruction can touch six pages
 * (an instruction that crosses a page, and two operands that do: movs),
 * each in its own 2 MiB and in up to three GiBs besides the top one.
 * Shadowing all of them at once takes the root and its top L2, three
 * more L2s and six L1s with their links: 2 + 3 + 12.  With fewer, such
 * an instruction could evict its own tables forever.
 *
 * The clock is 32 bits; after 2^32 faults the order is wrong for a while,
 * which costs refills, never correctness.
 */
#include "shadow/shadow_pool.h"
#include "arch/x86_32/memlayout.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/mapslot.h"
#include "shadow/shadow_rmap.h"

#define TABLE_RIGHTS	(PTE_P | PTE_RW | PTE_US)	/* rights live in L1s */

static bool evictable(const struct shadow *s, unsigned i)
{
	const struct shadow_node *n = &s->nodes[i];

	return n->level && i != s->root && !pool_is_top(s, i) &&
	       n->used != s->clock;
}

/* Free the least recently used table that may go; false if none may. */
static bool evict_one(struct shadow *s)
{
	unsigned victim = 0;

	for (unsigned i = 1; i <= SHADOW_MAX_PAGES; i++)
		if (evictable(s, i) &&
		    (!victim || s->nodes[i].used < s->nodes[victim].used))
			victim = i;
	if (!victim)
		return false;
	pool_free(s, victim);
	s->stats.evictions++;
	return true;
}

/* A zeroed frame for the shadows, or FRAME_NONE. */
static uint32_t new_frame(struct shadow *s)
{
	uint32_t mfn;
	void *page;

	while ((mfn = frame_alloc(FRAME_SHADOW, s->owner)) == FRAME_NONE)
		if (!evict_one(s))
			return FRAME_NONE;
	page = frame_map(mfn);
	memset(page, 0, PAGE_SIZE);
	frame_unmap(page);
	if (++s->frames > s->stats.peak_frames)
		s->stats.peak_frames = s->frames;
	return mfn;
}

static void release_frame(struct shadow *s, uint32_t mfn)
{
	frame_free(mfn);
	s->frames--;
}

/* A free node: there is one, as each node in use holds a frame and
 * fewer than s->limit <= SHADOW_MAX_PAGES frames are in use. */
static unsigned free_node(const struct shadow *s)
{
	unsigned i = 1;

	while (s->nodes[i].level)
		i++;
	return i;
}

unsigned pool_alloc(struct shadow *s, unsigned level)
{
	uint32_t need = level == 1 ? 2 : 1;
	struct shadow_node *n;

	while (s->frames + need > s->limit)
		if (!evict_one(s))
			return 0;
	n = &s->nodes[free_node(s)];		/* all zero */
	n->smfn = new_frame(s);
	if (level == 1 && n->smfn != FRAME_NONE)
		n->links = new_frame(s);
	if (n->smfn == FRAME_NONE || n->links == FRAME_NONE) {
		if (n->smfn != FRAME_NONE)
			release_frame(s, n->smfn);
		memset(n, 0, sizeof(*n));
		return 0;
	}
	n->level = (uint8_t)level;
	n->used = s->clock;
	s->stats.tables++;
	return (unsigned)(n - s->nodes);
}

void pool_hang(struct shadow *s, unsigned parent, unsigned slot, unsigned child)
{
	struct shadow_node *p = &s->nodes[parent], *c = &s->nodes[child];
	pte_t *table = frame_map(p->smfn);

	c->parent = (uint16_t)parent;
	c->slot = (uint16_t)slot;
	c->sibling = p->child;
	p->child = (uint16_t)child;
	/* An L3 entry may carry only P (a real CPU faults on more). */
	table[slot] = ((uint64_t)c->smfn << PAGE_SHIFT) |
		      (p->level == 3 ? PTE_P : TABLE_RIGHTS);
	frame_unmap(table);
}

unsigned pool_child(const struct shadow *s, unsigned parent, unsigned slot)
{
	unsigned c = s->nodes[parent].child;

	while (c && s->nodes[c].slot != slot)
		c = s->nodes[c].sibling;
	return c;
}

/* Take node i out of its parent: the entry and the list of children. */
static void unhang(struct shadow *s, unsigned i)
{
	struct shadow_node *n = &s->nodes[i], *p = &s->nodes[n->parent];
	uint16_t *link = &p->child;
	pte_t *table = frame_map(p->smfn);

	table[n->slot] = 0;
	frame_unmap(table);
	while (*link != i)
		link = &s->nodes[*link].sibling;
	*link = n->sibling;
}

static void forget_root(struct shadow *s, unsigned i)
{
	for (unsigned k = 0; k < SHADOW_ROOTS; k++)
		if (s->roots[k] == i)
			s->roots[k] = 0;
}

void pool_free(struct shadow *s, unsigned i)
{
	struct shadow_node *n = &s->nodes[i];

	while (n->child)
		pool_free(s, n->child);
	if (n->parent)
		unhang(s, i);
	else
		forget_root(s, i);
	rmap_remove_table(s, i);
	if (n->level == 1) {
		rmap_forget_leaves(s, i);
		release_frame(s, n->links);
	}
	release_frame(s, n->smfn);
	memset(n, 0, sizeof(*n));
}
