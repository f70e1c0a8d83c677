/*
 * boot_layout.h - where a new domain's bootstrap pieces go.
 */
#ifndef CORE_BOOT_LAYOUT_H
#define CORE_BOOT_LAYOUT_H

#include <stdint.h>

/* Virtual addresses in the new domain; va - virt_base is pseudo-physical. */
struct boot_layout {
	uint32_t virt_base;	/* where pseudo-physical 0 is mapped */
	uint32_t kernel_end;	/* end of the kernel image, page-aligned */
	uint32_t mfn_list;	/* the frame list: nr_pages 32-bit entries */
	uint32_t start_info;	/* one page */
	uint32_t pt_base;	/* the L3 table, then L2s, then L1s */
	uint32_t l2_frames, l1_frames;
	uint32_t stack_top;	/* the boot stack: the page below this */
	uint32_t region_end;	/* everything mapped ends here (4 MiB aligned) */
};

/*
 * Lay out, after a kernel ending at kernel_end, the pieces Xen's start_info
 * comment lists for a domain of nr_pages pages: frame list, start_info,
 * bootstrap page tables (mapping [virt_base, region_end)), boot stack,
 * and at least 512 KiB of slack, the region ending on a 4 MiB boundary.
 * NULL, or why it does not fit in the domain's memory (or below
 * limit, the first address the guest may not use).
 */
const char *boot_layout_compute(uint32_t virt_base, uint32_t kernel_end,
				uint32_t nr_pages, uint32_t limit,
				struct boot_layout *out);

#endif
