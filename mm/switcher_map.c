/*
 * switcher_map.c - what a guest sees of Warden.
 *
 * A guest's address space holds, above 0xF5800000, exactly two things of
 * Warden's, both through the top GiB's L2 table, which the shadow code
 * copies from here into every shadow L2 of that GiB:
 *
 * - Xen's machine-to-physical table at M2P_BASE, read-only.  A guest only
 *   ever sees pseudo-physical frames, and it is told its "machine" frames
 *   are those same numbers, so the table maps every frame to itself: one
 *   table, shared by all domains, P2M_MAX_PFNS entries long.
 *
 * - The switcher region at WARDEN_BASE, one page table per vCPU: the stub
 *   code (executable), the IDT, TSS and vector table and Warden's two GDT
 *   pages (read-only data), the guest's fourteen GDT pages (its own frames
 *   once it calls set_gdt, a page of zeros before), and the vCPU's
 *   trap-stack page, the only writable page.  CR0.WP makes read-only hold
 *   for ring 1 too.
 */
#include "mm/switcher_map.h"
#include "arch/x86_32/segments.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/mapslot.h"
#include "mm/p2m.h"

#define RX	(PTE_P)
#define RO	(PTE_P | PTE_NX)
#define RW	(PTE_P | PTE_RW | PTE_NX)
#define TABLE	(PTE_P | PTE_RW)	/* rights are decided in the L1 */

extern char _switcher_start[], _switcher_data_start[], _gdt_window[];
extern char _trap_page[];

static const uint8_t zero_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static uint32_t m2p_l1_mfn = FRAME_NONE;

static uint64_t image_pa(const void *va)
{
	return (uint32_t)va - WARDEN_BASE + WARDEN_LOAD_PA;
}

static unsigned slot_of(const void *va)
{
	return l1_index((uint32_t)va);
}

static pte_t image_page(const char *va, pte_t rights)
{
	return image_pa(va) | rights;
}

void switcher_map_build(uint32_t l1_mfn, uint32_t trap_page_mfn)
{
	pte_t *l1 = frame_map(l1_mfn);

	memset(l1, 0, PAGE_SIZE);
	for (const char *va = _switcher_start; va < _switcher_data_start; va += PAGE_SIZE)
		l1[slot_of(va)] = image_page(va, RX);
	for (const char *va = _switcher_data_start; va < _gdt_window; va += PAGE_SIZE)
		l1[slot_of(va)] = image_page(va, RO);
	for (unsigned page = 0; page < GDT_WINDOW_PAGES; page++) {
		const char *va = _gdt_window + page * PAGE_SIZE;

		l1[slot_of(va)] = page < GDT_GUEST_PAGES ? image_page((const char *)zero_page, RO)
							 : image_page(va, RO);
	}
	l1[slot_of(_trap_page)] = ((uint64_t)trap_page_mfn << PAGE_SHIFT) | RW;
	frame_unmap(l1);
}

void switcher_map_gdt_page(uint32_t l1_mfn, unsigned page, uint32_t mfn)
{
	pte_t *l1 = frame_map(l1_mfn);
	const char *va = _gdt_window + page * PAGE_SIZE;

	if (page >= GDT_GUEST_PAGES)
		panic("switcher_map_gdt_page: page %u is Warden's", page);
	l1[slot_of(va)] = mfn == FRAME_NONE ? image_page((const char *)zero_page, RO)
					    : (((uint64_t)mfn << PAGE_SHIFT) | RO);
	frame_unmap(l1);
}

/* Fill a frame with machine-to-physical entries first..first+1023. */
static uint32_t m2p_frame(uint32_t first)
{
	uint32_t mfn = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);
	uint32_t *entries;

	if (mfn == FRAME_NONE)
		return FRAME_NONE;
	entries = frame_map(mfn);
	for (uint32_t i = 0; i < PAGE_SIZE / 4; i++)
		entries[i] = first + i;
	frame_unmap(entries);
	return mfn;
}

/* The shared identity table and its page table, made at boot and kept:
 * every domain maps the same frames. */
void switcher_map_init(void)
{
	uint32_t l1 = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);
	pte_t *pte;

	if (l1 == FRAME_NONE)
		panic("out of memory for the machine-to-physical table");
	pte = frame_map(l1);
	memset(pte, 0, PAGE_SIZE);
	for (uint32_t i = 0; i < (P2M_MAX_PFNS + PAGE_SIZE / 4 - 1) / (PAGE_SIZE / 4); i++) {
		uint32_t mfn = m2p_frame(i * (PAGE_SIZE / 4));

		if (mfn == FRAME_NONE)
			panic("out of memory for the machine-to-physical table");
		pte[i] = ((uint64_t)mfn << PAGE_SHIFT) | RO;
	}
	frame_unmap(pte);
	m2p_l1_mfn = l1;
}

void switcher_map_top_entries(uint32_t l1_mfn, pte_t out[WARDEN_L2_SLOTS])
{
	memset(out, 0, WARDEN_L2_SLOTS * sizeof(pte_t));
	out[0] = ((uint64_t)m2p_l1_mfn << PAGE_SHIFT) | TABLE;
	out[l2_index(WARDEN_BASE) - WARDEN_L2_FIRST] =
		((uint64_t)l1_mfn << PAGE_SHIFT) | TABLE;
}
