/*
 * mm.h - how a guest changes its page tables and flushes its TLB.
 *
 * A guest's page tables are read-only to it: every change goes through
 * Warden, which checks it before the new entry can take effect.  (On Warden
 * a direct write also works: it traps and is handled like mmu_update.)
 * Three hypercalls do the work:
 *
 *  __HYPERVISOR_mmu_update(reqs, count, done, foreigndom)
 *	Apply count struct mmu_update requests in order.  The low two bits
 *	of ptr say what to do (MMU_*), the rest is the byte address of the
 *	entry to write.  If done is not 0, the number of requests applied is
 *	stored there, so a guest can tell where a batch failed.  foreigndom
 *	is DOMID_SELF (or the caller's own id) for the caller's own tables.
 *
 *  __HYPERVISOR_update_va_mapping(va, pte_lo, pte_hi, flags)
 *	Write the L1 entry that maps va, then flush as UVMF_* flags say.
 *
 *  __HYPERVISOR_mmuext_op(ops, count, done, foreigndom)
 *	Everything else: pin a page as a page table, load a new base
 *	(CR3), flush TLBs, set the LDT.  One struct mmuext_op per command.
 *
 * Xen's addresses and frame numbers here are machine ones; Warden's are
 * pseudo-physical, as everywhere in a guest's view.
 */
#ifndef PUBLIC_MM_H
#define PUBLIC_MM_H

/* mmu_update: the command in ptr's low two bits */
#define MMU_NORMAL_PT_UPDATE		0	/* *ptr = val, checked */
#define MMU_MACHPHYS_UPDATE		1	/* M2P[ptr >> 12] = val */
#define MMU_PT_UPDATE_PRESERVE_AD	2	/* as 0, keeping *ptr's A and D bits */

/* mmuext_op commands; the comment names the argument fields used */
#define MMUEXT_PIN_L1_TABLE		0	/* arg1.mfn */
#define MMUEXT_PIN_L2_TABLE		1	/* arg1.mfn */
#define MMUEXT_PIN_L3_TABLE		2	/* arg1.mfn */
#define MMUEXT_PIN_L4_TABLE		3	/* arg1.mfn (64-bit guests) */
#define MMUEXT_UNPIN_TABLE		4	/* arg1.mfn */
#define MMUEXT_NEW_BASEPTR		5	/* arg1.mfn: the new top-level table */
#define MMUEXT_TLB_FLUSH_LOCAL		6
#define MMUEXT_INVLPG_LOCAL		7	/* arg1.linear_addr */
#define MMUEXT_TLB_FLUSH_MULTI		8	/* arg2.vcpumask */
#define MMUEXT_INVLPG_MULTI		9	/* arg1.linear_addr, arg2.vcpumask */
#define MMUEXT_TLB_FLUSH_ALL		10
#define MMUEXT_INVLPG_ALL		11	/* arg1.linear_addr */
#define MMUEXT_FLUSH_CACHE		12
#define MMUEXT_SET_LDT			13	/* arg1.linear_addr, arg2.nr_ents */
/* 14 is unused. */
#define MMUEXT_NEW_USER_BASEPTR		15	/* arg1.mfn (64-bit guests) */
#define MMUEXT_CLEAR_PAGE		16	/* arg1.mfn */
#define MMUEXT_COPY_PAGE		17	/* arg1.mfn, arg2.src_mfn */
#define MMUEXT_FLUSH_CACHE_GLOBAL	18
#define MMUEXT_MARK_SUPER		19	/* arg1.mfn */
#define MMUEXT_UNMARK_SUPER		20	/* arg1.mfn */

/*
 * update_va_mapping flags: a flush type in the low two bits, and which
 * vCPUs' TLBs to flush.  UVMF_MULTI is ORed with the address of a vCPU
 * bitmap (4-byte aligned, so the low bits stay free); UVMF_LOCAL is
 * UVMF_MULTI with no bitmap.
 */
#define UVMF_NONE			0	/* no flush */
#define UVMF_TLB_FLUSH			1	/* flush the whole TLB */
#define UVMF_INVLPG			2	/* flush va only */
#define UVMF_FLUSHTYPE_MASK		3
#define UVMF_MULTI			0	/* the vCPUs in the bitmap */
#define UVMF_LOCAL			0	/* this vCPU */
#define UVMF_ALL			4	/* every vCPU of the domain */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct mmu_update {
	uint64_t ptr;			/* entry address | MMU_* */
	uint64_t val;			/* the new entry */
};

struct mmuext_op {
	uint32_t cmd;			/* MMUEXT_* */
	union {
		uint32_t mfn;		/* frame number */
		uint32_t linear_addr;	/* guest-virtual address */
	} arg1;
	union {
		uint32_t nr_ents;	/* LDT entries */
		uint32_t vcpumask;	/* guest-virtual address of a bitmap */
		uint32_t src_mfn;
	} arg2;
};

_Static_assert(sizeof(struct mmu_update) == 16, "Xen's mmu_update");
_Static_assert(sizeof(struct mmuext_op) == 12, "Xen's 32-bit mmuext_op");

#endif /* __ASSEMBLER__ */
#endif
