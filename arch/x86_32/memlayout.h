/*
 * memlayout.h - where everything lives, physically and virtually.
 *
 * Warden runs in its own address space.  A guest's address space holds the
 * guest below 0xF5800000 and, above it, only what the guest may see: Xen's
 * read-only machine-to-physical table and Warden's read-only switcher
 * section (entry stubs, IDT, GDT window, TSS).  Everything else Warden owns
 * (its code and data, the direct map, the temporary map slots) exists only
 * in Warden's own address space.
 *
 *   virtual                    Warden's space           a guest's space
 *   0x00000000-0x7FFFFFFF      (unmapped)               the guest
 *   0x80000000-0xBFFFFFFF      direct map of 0..1 GiB   the guest
 *   0xC0000000-0xF57FFFFF      (unmapped)               the guest
 *   0xF5800000-0xF67FFFFF      (unmapped)               M2P table, read-only
 *   0xF6800000-switcher end    switcher section         the same, read-only
 *   switcher end-image end     Warden's image           (unmapped)
 *   0xFFE00000-0xFFFFFFFF      temporary map slots      (unmapped)
 *
 * Physically, the boot section (multiboot header, boot page tables) is
 * loaded at 1 MiB and the rest of the image at 2 MiB, so the boot page
 * tables can map it with 2 MiB pages.
 *
 * This header is included by assembly too: constants only.
 */
#ifndef ARCH_X86_32_MEMLAYOUT_H
#define ARCH_X86_32_MEMLAYOUT_H

#define BOOT_LOAD_PA		0x00100000
#define WARDEN_LOAD_PA		0x00200000
#define WARDEN_BASE		0xF6800000	/* switcher section first */
#define WARDEN_IMAGE_MAX	0x01000000	/* the boot tables map 16 MiB */

#define DIRECTMAP_BASE		0x80000000
#define DIRECTMAP_SIZE		0x40000000

#define M2P_BASE		0xF5800000	/* Xen's MACH2PHYS_VIRT_START */
#define M2P_END			0xF6800000

#define MAPSLOT_BASE		0xFFE00000
#define MAPSLOT_COUNT		512		/* one page table's worth */

/* Guest segments end below Xen's area; real CPUs enforce it, TCG does not. */
#define GUEST_SEGMENT_LIMIT	0xF57FFFFF

#define PAGE_SHIFT		12
#define PAGE_SIZE		4096
#define LARGE_PAGE_SIZE		0x200000	/* a PAE 2 MiB page */

#endif
