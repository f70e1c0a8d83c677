/*
 * switcher_map.h - the part of every guest address space that is Warden's:
 * the top 168 MiB, from Xen's machine-to-physical table up (L2 slots
 * 428-511 of the top GiB).
 */
#ifndef MM_SWITCHER_MAP_H
#define MM_SWITCHER_MAP_H

#include <stdint.h>
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pae.h"

#define WARDEN_L2_FIRST	((M2P_BASE - 0xC0000000u) >> 21)	/* 428 */
#define WARDEN_L2_SLOTS	(PAE_ENTRIES - WARDEN_L2_FIRST)
#define GDT_GUEST_PAGES	14

/*
 * Make l1_mfn the page table a vCPU's address spaces use for the switcher
 * region: stubs, IDT, TSS and Warden's GDT pages read-only, the guest's
 * GDT pages empty, the vCPU's trap-stack page writable.
 */
void switcher_map_build(uint32_t l1_mfn, uint32_t trap_page_mfn);

/* Map machine frame mfn as page `page` (0-13) of the guest's GDT window,
 * read-only; FRAME_NONE maps the zero page there again. */
void switcher_map_gdt_page(uint32_t l1_mfn, unsigned page, uint32_t mfn);

/* Make the shared machine-to-physical table (at boot). */
void switcher_map_init(void);

/* The entries from WARDEN_L2_FIRST up for a shadow L2 of the top GiB:
 * the machine-to-physical table and the vCPU's switcher page table. */
void switcher_map_top_entries(uint32_t l1_mfn, pte_t out[WARDEN_L2_SLOTS]);

#endif
