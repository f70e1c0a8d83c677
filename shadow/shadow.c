/*
 * shadow.c - shadow page tables, made lazily from the guest's.
 *
 * The guest keeps its own PAE page tables, with pseudo-physical frame
 * numbers in them; the CPU never sees them.  CR3 points at a shadow: a
 * tree of tables with the same shape, holding machine frames, that Warden
 * fills in one path at a time.  It starts empty, so the guest's first touch
 * of any address faults; the fault path walks the guest's tables in
 * software (guest_walk.c) and, if they allow the access, calls shadow_fill()
 * to copy that one path into the shadow.  Each shadow table remembers which
 * guest table it copies (a node), so that when the guest changes an entry,
 * shadow_guest_wrote() can drop the copies of that entry; they are filled
 * again on the next fault.  So the shadow is always a subset of what the
 * guest's tables say -- never more.
 *
 * That only works if Warden sees every change to a guest table.  So a guest
 * frame that has a shadow is write-protected: a shadow entry mapping it is
 * made without RW (pfn_protected()), and the guest's write faults into
 * Warden, which emulates it, validates it and calls shadow_guest_wrote().
 * ("If this is a read, don't set the writable bit ... That way we will come
 * back here when a write does actually occur": lguest.)  The catch is a
 * frame that becomes a page table while some shadow entry already maps it
 * writable.  Without a reverse map Warden cannot find that entry, so it
 * drops every shadow and starts again (shadow_drop_all); pfn_info's
 * mapped_writable flag says when that is needed.  The same drop serves as
 * eviction when the node pool is full.
 *
 * Rights live in the L1 entries only: a shadow L2 entry allows everything,
 * and each shadow L1 entry gets the rights of the whole guest walk (RW and
 * US only if every level allows them, NX if any level forbids execution).
 * That is why shadow tables are not shared: each guest L2 entry gets its
 * own shadow L1.  The top GiB's shadow L2 is permanent: it also carries
 * Warden's entries (the machine-to-physical table and the switcher), which
 * must be there from the first instruction and which no guest write can
 * touch.
 *
 * Every change happens while Warden runs in its own address space, and
 * entering a guest loads CR3, so no stale translation of a shadow survives
 * into the guest (TLB entries are never global).
 */
#include "shadow/shadow.h"
#include "arch/x86_32/memlayout.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/mapslot.h"

#define TOP_SLOT	3		/* the GiB holding Warden's area */
#define TABLE_RIGHTS	(PTE_P | PTE_RW | PTE_US)

static pte_t *node_map(const struct shadow_node *n)
{
	return frame_map(n->smfn);
}

static struct pfn_info *info(const struct shadow *s, uint32_t pfn)
{
	return pfn == GW_NO_PFN ? 0 : p2m_info(s->p2m, pfn);
}

/* A free node, or NULL if all SHADOW_NODES are in use. */
static struct shadow_node *node_slot(struct shadow *s, unsigned *index)
{
	for (unsigned i = SHADOW_FIRST_FREE; i < SHADOW_NODES; i++) {
		if (!s->nodes[i].in_use) {
			*index = i;
			return &s->nodes[i];
		}
	}
	return 0;
}

/* Give node n a zeroed frame; false if there is no free frame. */
static bool node_frame(struct shadow *s, struct shadow_node *n)
{
	pte_t *t;

	n->smfn = frame_alloc(FRAME_SHADOW, s->owner);
	if (n->smfn == FRAME_NONE)
		return false;
	t = node_map(n);
	memset(t, 0, PAGE_SIZE);
	frame_unmap(t);
	n->in_use = 1;
	s->stats.tables++;
	return true;
}

static void node_free(struct shadow *s, struct shadow_node *n)
{
	struct pfn_info *g = info(s, n->gpfn);

	if (g && g->shadowed)
		g->shadowed--;
	frame_free(n->smfn);
	memset(n, 0, sizeof(*n));
}

/* Free every node hanging from entry `slot` of node `parent`, and theirs
 * (the permanent top node is reset instead: see reset_top). */
static void free_children(struct shadow *s, unsigned parent, unsigned slot)
{
	for (unsigned i = SHADOW_FIRST_FREE; i < SHADOW_NODES; i++) {
		struct shadow_node *n = &s->nodes[i];

		if (n->in_use && n->parent == parent && n->parent_slot == slot) {
			for (unsigned j = 0; j < PAE_ENTRIES; j++)
				free_children(s, i, j);
			node_free(s, n);
		}
	}
}

/* The root keeps only its entry for the top GiB. */
static void clear_root(struct shadow *s)
{
	pte_t *root = node_map(&s->nodes[SHADOW_ROOT]);

	memset(root, 0, PAGE_SIZE);
	root[TOP_SLOT] = ((uint64_t)s->nodes[SHADOW_TOP].smfn << PAGE_SHIFT) | PTE_P;
	frame_unmap(root);
}

/*
 * The top GiB's shadow L2 always exists, because it holds Warden's entries
 * (the switcher, the M2P table), which must be there before the guest runs
 * at all.  It copies the guest's own L2 for that GiB only once a fault
 * there needs it (adopt_top); dropping it means emptying its guest part.
 */
static void reset_top(struct shadow *s)
{
	struct shadow_node *top = &s->nodes[SHADOW_TOP];
	struct pfn_info *g = info(s, top->gpfn);
	pte_t *l2 = node_map(top);

	for (unsigned i = 0; i < WARDEN_L2_FIRST; i++) {
		l2[i] = 0;
		free_children(s, SHADOW_TOP, i);
	}
	frame_unmap(l2);
	if (g && g->shadowed)
		g->shadowed--;
	top->gpfn = GW_NO_PFN;
}

/* Protect the root guest table: writes to it must reach Warden too. */
static void protect_root(struct shadow *s)
{
	struct pfn_info *g = info(s, s->guest_cr3 >> PAGE_SHIFT);

	s->nodes[SHADOW_ROOT].gpfn = s->guest_cr3 >> PAGE_SHIFT;
	if (g)
		g->shadowed++;
}

void shadow_drop_all(struct shadow *s)
{
	for (unsigned i = SHADOW_FIRST_FREE; i < SHADOW_NODES; i++)
		if (s->nodes[i].in_use)
			node_free(s, &s->nodes[i]);
	reset_top(s);
	clear_root(s);
	for (uint32_t pfn = 0; pfn < s->p2m->nr_pfns; pfn++) {
		struct pfn_info *g = p2m_info(s->p2m, pfn);

		g->shadowed = 0;
		g->mapped_writable = 0;
	}
	protect_root(s);
	s->stats.resets++;
}

const char *shadow_init(struct shadow *s, const struct p2m *p2m,
			uint16_t owner, uint32_t switcher_l1, uint32_t guest_cr3)
{
	struct shadow_node *root = &s->nodes[SHADOW_ROOT];
	struct shadow_node *top = &s->nodes[SHADOW_TOP];
	pte_t *l2;

	memset(s, 0, sizeof(*s));
	s->p2m = p2m;
	s->owner = owner;
	s->guest_cr3 = guest_cr3;
	if (!node_frame(s, root) || !node_frame(s, top))
		return "no memory for the shadow root";
	root->level = 3;
	top->level = 2;
	top->parent = SHADOW_ROOT;
	top->parent_slot = TOP_SLOT;
	top->gpfn = GW_NO_PFN;
	l2 = node_map(top);
	switcher_map_top_entries(switcher_l1, &l2[WARDEN_L2_FIRST]);
	frame_unmap(l2);
	clear_root(s);
	protect_root(s);
	return 0;
}

void shadow_destroy(struct shadow *s)
{
	for (unsigned i = 0; i < SHADOW_NODES; i++)
		if (s->nodes[i].in_use)
			frame_free(s->nodes[i].smfn);
	memset(s, 0, sizeof(*s));
}

uint32_t shadow_cr3(const struct shadow *s)
{
	return s->nodes[SHADOW_ROOT].smfn << PAGE_SHIFT;
}

void shadow_set_base(struct shadow *s, uint32_t guest_cr3)
{
	s->guest_cr3 = guest_cr3;
	shadow_drop_all(s);
}

/* The node shadowing entry `slot` of node `parent`, or NULL. */
static struct shadow_node *child(struct shadow *s, unsigned parent,
				 unsigned slot, unsigned *index)
{
	for (unsigned i = SHADOW_ROOT + 1; i < SHADOW_NODES; i++) {
		struct shadow_node *n = &s->nodes[i];

		if (n->in_use && n->parent == parent && n->parent_slot == slot) {
			*index = i;
			return n;
		}
	}
	return 0;
}

/*
 * A new shadow table for guest table gpfn, hanging from entry `slot` of
 * node `parent`.  If the guest frame may already be mapped writable
 * somewhere, protecting it now is not enough: drop everything instead.
 */
static enum shadow_fill protect_table(struct shadow *s, uint32_t gpfn)
{
	struct pfn_info *g = info(s, gpfn);

	if (g && g->mapped_writable) {
		shadow_drop_all(s);
		return SHADOW_RETRY;
	}
	if (g)
		g->shadowed++;
	return SHADOW_FILLED;
}

static enum shadow_fill new_table(struct shadow *s, unsigned parent,
				  unsigned slot, unsigned level, uint32_t gpfn,
				  unsigned *index)
{
	struct shadow_node *n;

	if (protect_table(s, gpfn) != SHADOW_FILLED)
		return SHADOW_RETRY;
	n = node_slot(s, index);
	if (!n) {			/* the pool is full: start again */
		shadow_drop_all(s);
		return SHADOW_RETRY;
	}
	if (!node_frame(s, n)) {	/* out of frames: give ours back */
		shadow_drop_all(s);
		return frame_count(FRAME_FREE) >= 2 ? SHADOW_RETRY : SHADOW_NO_MEMORY;
	}
	n->gpfn = gpfn;
	n->level = (uint8_t)level;
	n->parent = (uint16_t)parent;
	n->parent_slot = (uint16_t)slot;
	return SHADOW_FILLED;
}

/* Make sure entry `slot` of node `parent` points at a shadow table. */
static enum shadow_fill ensure_table(struct shadow *s, unsigned parent,
				     unsigned slot, uint32_t gpfn,
				     unsigned *index)
{
	struct shadow_node *p = &s->nodes[parent];
	enum shadow_fill r;
	pte_t *table;

	if (child(s, parent, slot, index))
		return SHADOW_FILLED;
	r = new_table(s, parent, slot, p->level - 1u, gpfn, index);
	if (r != SHADOW_FILLED)
		return r;
	table = node_map(p);
	/* L3 entries may carry only P (a real CPU faults on more). */
	table[slot] = ((uint64_t)s->nodes[*index].smfn << PAGE_SHIFT) |
		      (p->level == 3 ? PTE_P : TABLE_RIGHTS);
	frame_unmap(table);
	return SHADOW_FILLED;
}

/* The first fault in the top GiB makes the top node copy the guest's L2. */
static enum shadow_fill adopt_top(struct shadow *s, uint32_t gpfn)
{
	struct shadow_node *top = &s->nodes[SHADOW_TOP];

	if (top->gpfn == gpfn)
		return SHADOW_FILLED;
	if (protect_table(s, gpfn) != SHADOW_FILLED)
		return SHADOW_RETRY;
	top->gpfn = gpfn;
	return SHADOW_FILLED;
}

/* The leaf: the guest walk's frame and combined rights, but never
 * writable while the frame must be protected. */
static pte_t leaf_entry(struct shadow *s, const struct guest_walk *w)
{
	struct pfn_info *g = info(s, w->pfn);
	pte_t e = ((uint64_t)g->mfn << PAGE_SHIFT) | PTE_P;

	if (w->writable && !pfn_protected(g)) {
		e |= PTE_RW;
		g->mapped_writable = 1;
	}
	if (w->user)
		e |= PTE_US;
	if (!w->executable)
		e |= PTE_NX;
	return e;
}

enum shadow_fill shadow_fill(struct shadow *s, uint32_t va,
			     const struct guest_walk *w)
{
	unsigned l2 = SHADOW_TOP, l1;
	enum shadow_fill r;
	pte_t *table;

	if (l3_index(va) == TOP_SLOT)
		r = adopt_top(s, w->l2_pfn);
	else
		r = ensure_table(s, SHADOW_ROOT, l3_index(va), w->l2_pfn, &l2);
	if (r != SHADOW_FILLED)
		return r;
	r = ensure_table(s, l2, l2_index(va), w->large ? GW_NO_PFN : w->l1_pfn, &l1);
	if (r != SHADOW_FILLED)
		return r;
	table = node_map(&s->nodes[l1]);
	table[l1_index(va)] = leaf_entry(s, w);
	frame_unmap(table);
	s->stats.fills++;
	return SHADOW_FILLED;
}

/* Drop shadow entry `slot` of node `index`, and any table below it. */
static void drop_entry(struct shadow *s, unsigned index, unsigned slot)
{
	struct shadow_node *n = &s->nodes[index];
	pte_t *table;

	if (index == SHADOW_TOP && slot >= WARDEN_L2_FIRST)
		return;		/* Warden's entries: the guest's do not count */
	if (index == SHADOW_ROOT && slot == TOP_SLOT) {
		reset_top(s);
		return;
	}
	table = node_map(n);
	table[slot] = 0;
	frame_unmap(table);
	if (n->level > 1)
		free_children(s, index, slot);
	s->stats.invalidations++;
}

/* Entries [first, last] of a guest table at byte offset base in its frame
 * (the root's four entries sit at guest_cr3's offset). */
static void drop_range(struct shadow *s, unsigned index, uint32_t offset,
		       uint32_t len)
{
	const struct shadow_node *n = &s->nodes[index];
	uint32_t base = n->level == 3 ? (s->guest_cr3 & (PAGE_SIZE - 1)) : 0;
	uint32_t entries = n->level == 3 ? 4 : PAE_ENTRIES;

	for (uint32_t off = offset & ~7u; off < offset + len; off += 8)
		if (off >= base && (off - base) / 8 < entries)
			drop_entry(s, index, (off - base) / 8);
}

void shadow_guest_wrote(struct shadow *s, uint32_t pfn, uint32_t offset,
			uint32_t len)
{
	for (unsigned i = 0; i < SHADOW_NODES; i++)
		if (s->nodes[i].in_use && s->nodes[i].gpfn == pfn)
			drop_range(s, i, offset, len);
}

unsigned shadow_levels_at(const struct shadow *s, uint32_t pfn, uint32_t offset)
{
	uint32_t root_off = s->guest_cr3 & (PAGE_SIZE - 1);
	unsigned levels = 0;

	for (unsigned i = 0; i < SHADOW_NODES; i++) {
		const struct shadow_node *n = &s->nodes[i];

		if (!n->in_use || n->gpfn != pfn)
			continue;
		if (n->level != 3 || (offset >= root_off && offset < root_off + 32))
			levels |= 1u << n->level;
	}
	return levels;
}
