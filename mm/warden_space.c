/*
 * warden_space.c - the page tables Warden runs on.
 *
 * The boot page tables (boot.S) map everything writable and executable
 * with 2 MiB pages, which was enough to reach C.  Here Warden builds the
 * address space it will keep, with 4 KiB pages where rights differ:
 *
 *   switcher stubs   read, execute       (guests will map these pages too)
 *   switcher data    read, write, no execute
 *   trap-stack page  the running vCPU's (warden_space_map_trap_page)
 *   .text            read, execute
 *   .rodata          read
 *   .data, .bss      read, write
 *   stack guard      not present: overflowing the stack faults at once
 *   stack            read, write
 *   direct map       read, write, 2 MiB pages
 *   map slots        one page table, entries filled on demand
 *
 * Nothing is global (PTE_G): a global entry survives a CR3 switch, so a
 * guest could reach Warden through a stale TLB entry.  And nothing of the
 * boot identity map is kept, so a NULL pointer in Warden faults.
 */
#include "mm/warden_space.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"
#include "arch/x86_32/x86.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/directmap.h"
#include "mm/frame.h"
#include "mm/mapslot.h"

#define RX	(PTE_P)
#define RO	(PTE_P | PTE_NX)
#define RW	(PTE_P | PTE_RW | PTE_NX)

extern char _switcher_start[], _switcher_data_start[], _trap_page[];
extern char _text_start[], _text_end[], _data_start[];
extern char _stack_guard[], _stack_bottom[], _stack_top[];

struct image_region {
	const char *start, *end;
	pte_t rights;
};

static const struct image_region image_regions[] = {
	{ _switcher_start, _switcher_data_start, RX },
	{ _switcher_data_start, _trap_page, RW },
	{ _text_start, _text_end, RX },
	{ _text_end, _data_start, RO },		/* .rodata */
	{ _data_start, _stack_guard, RW },	/* .data, .bss */
	{ _stack_bottom, _stack_top, RW },
};

static pte_t *pdpt;

/* A zeroed frame for a page table; its machine address in *pa. */
static pte_t *new_table(uint64_t *pa)
{
	uint32_t mfn = frame_alloc(FRAME_WARDEN, OWNER_WARDEN);

	if (mfn == FRAME_NONE || !directmap_covers((uint64_t)mfn << 12, 4096))
		panic("no direct-mapped frame for Warden's page tables");
	*pa = (uint64_t)mfn << 12;
	memset(directmap(*pa), 0, 4096);
	return directmap(*pa);
}

/* The next level down from entry *e, made if absent. */
static pte_t *table_below(pte_t *e, pte_t rights)
{
	uint64_t pa;

	if (!(*e & PTE_P)) {
		new_table(&pa);
		*e = pa | rights;
	}
	return directmap(pte_addr(*e));
}

/* L3 entries may carry only P; L2 entries pointing at tables allow all,
 * and the L1 entry decides. */
static pte_t *l1_entry(uint32_t va)
{
	pte_t *l2 = table_below(&pdpt[l3_index(va)], PTE_P);
	pte_t *l1 = table_below(&l2[l2_index(va)], PTE_P | PTE_RW);

	return &l1[l1_index(va)];
}

static uint64_t image_pa(uint32_t va)
{
	return va - WARDEN_BASE + WARDEN_LOAD_PA;
}

static void map_image_region(const struct image_region *r)
{
	for (uint32_t va = (uint32_t)r->start; va < (uint32_t)r->end; va += PAGE_SIZE)
		*l1_entry(va) = image_pa(va) | r->rights;
}

static void map_direct(uint64_t ram_top)
{
	uint64_t end = ram_top < DIRECTMAP_SIZE ? ram_top : DIRECTMAP_SIZE;
	pte_t *l2 = table_below(&pdpt[l3_index(DIRECTMAP_BASE)], PTE_P);

	for (uint64_t pa = 0; pa < end; pa += LARGE_PAGE_SIZE)
		l2[l2_index(DIRECTMAP_BASE + (uint32_t)pa)] = pa | RW | PTE_PS;
}

/* The map slots' page table: allocate it by touching its first entry. */
static void map_slots(void)
{
	mapslot_init(l1_entry(MAPSLOT_BASE));
}

void warden_space_map_trap_page(uint32_t mfn)
{
	*l1_entry((uint32_t)_trap_page) = ((uint64_t)mfn << PAGE_SHIFT) | RW;
	invlpg(_trap_page);
}

uint32_t warden_space_init(uint64_t ram_top)
{
	uint64_t pdpt_pa;

	pdpt = new_table(&pdpt_pa);
	if (pdpt_pa >= 0x100000000ull)
		panic("PAE needs the top-level table below 4 GiB");
	for (unsigned i = 0; i < sizeof(image_regions) / sizeof(image_regions[0]); i++)
		map_image_region(&image_regions[i]);
	map_direct(ram_top);
	map_slots();
	lcr3((uint32_t)pdpt_pa);
	return (uint32_t)pdpt_pa;
}
