/*
 * arch_x86_32.h - the parts of Xen's ABI that belong to 32-bit x86 (PAE):
 * the flat segments every guest may use, and the hole at the top of every
 * address space that the guest does not own.
 *
 * Xen keeps the top of each guest's address space for itself, from
 * HYPERVISOR_VIRT_START up.  Its lowest 16 MiB hold the machine-to-physical
 * table (M2P), which guests may read: entry M is the guest frame that
 * machine frame M backs.  Warden keeps the same hole, maps the M2P there
 * read-only (every frame of a guest maps to itself, since guests see only
 * pseudo-physical frames) and puts its switcher region above it; see
 * arch/x86_32/memlayout.h.
 *
 * Xen also keeps the last two pages of every GDT (entries 7168-8191) for
 * itself.  Among them are flat 4 GiB segments for ring 1 and ring 3, which
 * a guest may load without installing a GDT of its own.
 *
 * This header is included by assembly too.
 */
#ifndef PUBLIC_ARCH_X86_32_H
#define PUBLIC_ARCH_X86_32_H

#define FIRST_RESERVED_GDT_PAGE		14
#define FIRST_RESERVED_GDT_BYTE		(FIRST_RESERVED_GDT_PAGE * 4096)
#define FIRST_RESERVED_GDT_ENTRY	(FIRST_RESERVED_GDT_BYTE / 8)	/* 7168 */

/* The flat segments: GDT entries 7171-7174, with their RPL. */
#define FLAT_RING1_CS		0xe019
#define FLAT_RING1_DS		0xe021
#define FLAT_RING1_SS		0xe021
#define FLAT_RING3_CS		0xe02b
#define FLAT_RING3_DS		0xe033
#define FLAT_RING3_SS		0xe033

/* The guest kernel runs in ring 1, its user programs in ring 3. */
#define FLAT_KERNEL_CS		FLAT_RING1_CS
#define FLAT_KERNEL_DS		FLAT_RING1_DS
#define FLAT_KERNEL_SS		FLAT_RING1_SS
#define FLAT_USER_CS		FLAT_RING3_CS
#define FLAT_USER_DS		FLAT_RING3_DS
#define FLAT_USER_SS		FLAT_RING3_SS

/* Xen's values for PAE; the guest owns everything below the first. */
#define HYPERVISOR_VIRT_START	0xF5800000
#define MACH2PHYS_VIRT_START	0xF5800000
#define MACH2PHYS_VIRT_END	0xF6800000
#define MACH2PHYS_NR_ENTRIES	((MACH2PHYS_VIRT_END - MACH2PHYS_VIRT_START) / 4)

/* vCPUs that have a vcpu_info in the shared page (shared_info.h). */
#define XEN_LEGACY_MAX_VCPUS	32

/*
 * Xen's forced-emulation prefix: `ud2a; .ascii "xen"` before `cpuid` makes
 * Xen (and Warden) emulate the cpuid, so the guest sees the CPUID its
 * hypervisor chooses, not the host's.  As bytes, for C and assembly.
 */
#define XEN_EMULATE_PREFIX_BYTES	0x0f, 0x0b, 0x78, 0x65, 0x6e

#endif
