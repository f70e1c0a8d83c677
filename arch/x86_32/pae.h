/*
 * pae.h - PAE page-table entries.
 *
 * With PAE the CPU walks three levels: CR3 points at a 4-entry page
 * directory pointer table (L3, one entry per GiB), each entry at a page
 * directory (L2, 512 entries of 2 MiB) and each of those at a page table
 * (L1, 512 entries of 4 KiB).  Entries are 64 bits; bit 63 is NX.  An L3
 * entry may only carry P, PWT and PCD: a real CPU raises #GP at `mov cr3`
 * otherwise (QEMU does not; see PITFALLS.md).
 */
#ifndef ARCH_X86_32_PAE_H
#define ARCH_X86_32_PAE_H

#include <stdint.h>

typedef uint64_t pte_t;

#define PTE_P		(1ull << 0)
#define PTE_RW		(1ull << 1)
#define PTE_US		(1ull << 2)
#define PTE_PWT		(1ull << 3)
#define PTE_PCD		(1ull << 4)
#define PTE_A		(1ull << 5)
#define PTE_D		(1ull << 6)
#define PTE_PS		(1ull << 7)	/* in an L2 entry: a 2 MiB page */
#define PTE_G		(1ull << 8)
#define PTE_NX		(1ull << 63)
#define PTE_ADDR_MASK	0x000ffffffffff000ull

/*
 * Reserved bits (Intel SDM vol. 3, 4.4.2), for a MAXPHYADDR of 36, as on
 * the CPUs Warden targets, and EFER.NXE=1.  In a present L2 or L1 entry,
 * bits 62:36 must be 0; in an L2 entry that maps a 2 MiB page, so must
 * bits 20:13 (bit 12 is PAT there).  A real CPU answers a set reserved bit
 * with #PF and the RSVD flag in the error code.
 */
#define PTE_RSVD_MASK		0x7ffffff000000000ull	/* bits 62:36 */
#define PDE_LARGE_RSVD_MASK	0x00000000001fe000ull	/* bits 20:13 */
#define PDE_LARGE_ADDR_MASK	0x000fffffffe00000ull	/* a 2 MiB page */

/* The #PF error code (Intel SDM vol. 3, 4.7). */
#define PF_P		0x1	/* the entry was present: rights or RSVD */
#define PF_W		0x2	/* the access was a write */
#define PF_U		0x4	/* the access came from ring 3 */
#define PF_RSVD		0x8	/* an entry had a reserved bit set */
#define PF_ID		0x10	/* the access was an instruction fetch */

#define PAE_ENTRIES	512

static inline unsigned l3_index(uint32_t va) { return va >> 30; }
static inline unsigned l2_index(uint32_t va) { return (va >> 21) & 511; }
static inline unsigned l1_index(uint32_t va) { return (va >> 12) & 511; }

static inline uint64_t pte_addr(pte_t e) { return e & PTE_ADDR_MASK; }

#endif
