/*
 * guest_ad.c - accessed and dirty bits, kept true in the guest's entries.
 *
 * A CPU sets A in every entry it walks through and D in the entry that
 * maps a page it writes; a kernel reads them to age and to write back its
 * pages.  The CPU walks only the shadows, so Warden sets them in the
 * guest's tables: when a fault fills a shadow entry, when a write meets a
 * shadow entry that is read-only because its guest entry was clean (see
 * shadow.c), and when Warden itself reads or writes guest memory through
 * the guest's tables (guest_copy.c, the page-table write emulator).
 *
 * These writes are Warden's own: they change no mapping, so no shadow is
 * dropped for them, even though the frames they go to are protected page
 * tables.  They touch only the low half of an entry (A and D are bits 5
 * and 6), and the guest cannot run between the walk and the write, so the
 * entry is still the one the walk read.  A guest that rewrites an entry
 * would lose them, as on a real CPU; mmu_update's PRESERVE_AD keeps them.
 * (PAE's L3 entries have no accessed bit.)
 */
#include "shadow/guest_ad.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "core/console.h"
#include "lib/string.h"
#include "mm/mapslot.h"

/* Set bits in entry `index` of guest table pfn, and in the copy w made. */
static void set_bits(const struct p2m *m, uint32_t pfn, unsigned index,
		     uint32_t bits, uint64_t *copy)
{
	const struct pfn_info *g;
	uint8_t *page;
	uint32_t low;

	if ((*copy & bits) == bits)
		return;
	g = p2m_info(m, pfn);
	if (!g)
		return;
	if (g->write_watches)	/* never a silent write around a watch */
		printk("warden: set accessed/dirty bits in a watched page table (frame 0x%x, entry %u) of domain %u\n",
		       pfn, index, m->owner);
	page = frame_map(g->mfn);
	memcpy(&low, page + index * sizeof(pte_t), sizeof(low));
	low |= bits;
	memcpy(page + index * sizeof(pte_t), &low, sizeof(low));
	frame_unmap(page);
	*copy |= bits;
}

void guest_ad_set(const struct p2m *m, uint32_t va, struct guest_walk *w,
		  bool write)
{
	uint32_t leaf = (uint32_t)PTE_A | (write ? (uint32_t)PTE_D : 0);

	if (w->large) {
		set_bits(m, w->l2_pfn, l2_index(va), leaf, &w->l2e);
		return;
	}
	set_bits(m, w->l2_pfn, l2_index(va), (uint32_t)PTE_A, &w->l2e);
	set_bits(m, w->l1_pfn, l1_index(va), leaf, &w->l1e);
}
