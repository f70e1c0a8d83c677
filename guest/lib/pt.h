/*
 * pt.h - a guest's view of its own page tables.
 *
 * The domain builder mapped our first frames at VIRT_BASE in order, so in
 * that bootstrap region a virtual address and its pseudo-physical frame
 * are one subtraction apart (pfn_to_virt, virt_to_pfn).  Our page tables
 * live there too, mapped read-only: we read them directly and change them
 * through Warden (hypercalls, or a plain `mov` that Warden emulates).
 * Entries hold pseudo-physical frame numbers.
 */
#ifndef GUEST_LIB_PT_H
#define GUEST_LIB_PT_H

#include <stdint.h>

#define PAGE_SIZE	4096u
#define PAGE_SHIFT	12
#define VIRT_BASE	0xC0000000u	/* head.S's XEN_ELFNOTE_VIRT_BASE */
#define PAGE_ALIGNED	__attribute__((aligned(PAGE_SIZE)))

#define PTE_P		(1ull << 0)
#define PTE_RW		(1ull << 1)
#define PTE_US		(1ull << 2)
#define PTE_A		(1ull << 5)
#define PTE_D		(1ull << 6)
#define PTE_PS		(1ull << 7)
#define PTE_NX		(1ull << 63)
#define PTE_ADDR_MASK	0x000ffffffffff000ull

#define PF_P		0x1	/* #PF error code bits */
#define PF_W		0x2
#define PF_U		0x4
#define PF_RSVD		0x8
#define PF_ID		0x10

typedef uint64_t pte_t;

static inline uint32_t pte_pfn(pte_t e)
{
	return (uint32_t)((e & PTE_ADDR_MASK) >> PAGE_SHIFT);
}

static inline pte_t pte_make(uint32_t pfn, uint64_t flags)
{
	return (uint64_t)pfn << PAGE_SHIFT | flags;
}

static inline uint32_t virt_to_pfn(const volatile void *p)
{
	return (uint32_t)((uintptr_t)p - VIRT_BASE) >> PAGE_SHIFT;
}

static inline void *pfn_to_virt(uint32_t pfn)
{
	return (void *)(uintptr_t)(VIRT_BASE + (pfn << PAGE_SHIFT));
}

/* The pseudo-physical address of p, as mmu_update and friends want it. */
static inline uint64_t virt_to_maddr(const volatile void *p)
{
	return (uint64_t)virt_to_pfn(p) << PAGE_SHIFT | ((uintptr_t)p & (PAGE_SIZE - 1));
}

/* Write a whole entry in one instruction (cmpxchg8b), as a direct write
 * that Warden traps and emulates; plain C would write two halves. */
static inline void pte_write_whole(volatile pte_t *e, pte_t val)
{
	pte_t old = *e;

	__asm__ volatile("1: lock cmpxchg8b %0\n\tjnz 1b"
			 : "+m"(*e), "+A"(old)
			 : "b"((uint32_t)val), "c"((uint32_t)(val >> 32))
			 : "memory", "cc");
}

/* Write one 32-bit half of an entry (0: low, 1: high) with a `mov`. */
static inline void pte_write_half(volatile pte_t *e, unsigned half, uint32_t val)
{
	((volatile uint32_t *)e)[half & 1] = val;
}

/* The L1 entry that maps va, read through our own mapping of the table;
 * NULL if an upper level is not present or maps a 2 MiB page. */
volatile pte_t *pt_l1e(uint32_t va);

/* *pt_l1e(va), or 0 if there is none. */
pte_t pt_read(uint32_t va);

/* update_va_mapping with an INVLPG: 0 or -XEN_Exxx. */
long pt_set(uint32_t va, pte_t pte);
long pt_map(uint32_t va, uint32_t pfn, uint64_t flags);
long pt_unmap(uint32_t va);

/* Switch to the tables whose L3 is at l3 (MMUEXT_NEW_BASEPTR); pt_l1e
 * walks them from then on.  0 or -XEN_Exxx. */
long pt_new_baseptr(const void *l3);

/* The L3 pt_l1e walks from: start_info->pt_base until pt_new_baseptr. */
const volatile pte_t *pt_top(void);

/* A frame of ours that the bootstrap tables do not map, never handed out
 * before; it reads as zeros.  Fails the test if there is none left. */
uint32_t pt_alloc_frame(void);

#endif
