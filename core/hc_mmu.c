/*
 * hc_mmu.c - page-table hypercalls: mmu_update, update_va_mapping and
 * mmuext_op, Xen's fast path for what a guest could also do by writing
 * its tables directly (core/table_write.c) and loading CR3.
 *
 * Addresses a guest passes here are "machine" addresses in Xen's terms,
 * which for a Warden guest are pseudo-physical ones: frame numbers
 * 0..nr_pages-1.  Every entry is checked before it is written
 * (shadow/pte_check.c and table_write()), so a guest maps only its own
 * frames.  Flush requests need no work: Warden drops a shadow entry as
 * soon as the guest entry it copies changes, and each entry into a guest
 * reloads CR3, which flushes the TLB.  A new base pointer switches to the
 * shadow cached for that table, if there is one (shadow/shadow_root.c);
 * unpinning a table lets go of its cached shadows.
 * MMU_PT_UPDATE_PRESERVE_AD ORs the entry's accessed and dirty bits into
 * the new value, as Xen does, so those Warden set are not lost.
 */
#include "arch/x86_32/memlayout.h"
#include "core/console.h"
#include "core/hypercall.h"
#include "core/table_write.h"
#include "include/public/errno.h"
#include "include/public/mm.h"
#include "include/public/xen.h"
#include "lib/string.h"
#include "mm/mapslot.h"
#include "shadow/guest_copy.h"
#include "shadow/guest_mem.h"
#include "shadow/pte_check.h"

#define PTE_AD	(PTE_A | PTE_D)

static bool foreign_ok(const struct vcpu *v, uint32_t domid)
{
	return domid == DOMID_SELF || domid == v->domain->id;
}

static uint64_t read_entry(const struct pfn_info *g, uint32_t offset)
{
	const uint8_t *page = frame_map(g->mfn);
	uint64_t e;

	memcpy(&e, page + offset, sizeof(e));
	frame_unmap((void *)page);
	return e;
}

static long write_entry(struct vcpu *v, uint64_t ptr, uint64_t val,
			bool preserve_ad)
{
	uint32_t pfn = (uint32_t)(ptr >> PAGE_SHIFT);
	uint32_t offset = (uint32_t)ptr & (PAGE_SIZE - 1);
	struct pfn_info *g = p2m_info(v->shadow.p2m, pfn);
	const char *why;

	if (!g || (ptr >> PAGE_SHIFT) > 0xffffffffu || (offset & 7))
		return -XEN_EINVAL;
	if (preserve_ad)	/* keep the bits Warden set for the CPU */
		val |= read_entry(g, offset) & PTE_AD;
	why = pte_check(val, 1, v->shadow.p2m->nr_pfns);
	if (!why)
		why = guest_frame_write(v, pfn, offset, &val, sizeof(val));
	if (why) {
		printk("domain %u (%s): mmu_update refused: %s\n", v->domain->id,
		       v->domain->name, why);
		return -XEN_EINVAL;
	}
	return 0;
}

static long one_update(struct vcpu *v, const struct mmu_update *u)
{
	uint64_t ptr = u->ptr & ~3ull;

	switch (u->ptr & 3) {
	case MMU_NORMAL_PT_UPDATE:
		return write_entry(v, ptr, u->val, false);
	case MMU_PT_UPDATE_PRESERVE_AD:
		return write_entry(v, ptr, u->val, true);
	case MMU_MACHPHYS_UPDATE:	/* the table is the identity: keep it so */
		return p2m_info(v->shadow.p2m, (uint32_t)(ptr >> PAGE_SHIFT)) &&
		       u->val == ptr >> PAGE_SHIFT ? 0 : -XEN_EINVAL;
	default:
		return -XEN_ENOSYS;
	}
}

/* Report how many requests were done, if the guest asked. */
static long finish(struct vcpu *v, uint32_t done_ptr, uint32_t done, long rc)
{
	if (done_ptr && !guest_copy_to(&v->shadow, done_ptr, &done, sizeof(done)))
		return -XEN_EFAULT;
	return rc;
}

/*
 * mmu_update and mmuext_op share a shape: (requests, count, done pointer,
 * domain); each request of `size` bytes is copied in and done in turn,
 * stopping at the first failure, and the number done is reported.
 */
typedef long (*request_fn)(struct vcpu *v, const void *request);

static long batch(struct vcpu *v, const uint32_t *arg, uint32_t size,
		  request_fn one)
{
	uint32_t i;
	uint8_t request[16];
	long rc = 0;

	if (!foreign_ok(v, arg[3]))
		return -XEN_EPERM;
	for (i = 0; i < arg[1]; i++) {
		if (!guest_copy_from(&v->shadow, request, arg[0] + i * size, size))
			rc = -XEN_EFAULT;
		else
			rc = one(v, request);
		if (rc)
			break;
	}
	return finish(v, arg[2], i, rc);
}

static long do_update(struct vcpu *v, const void *request)
{
	return one_update(v, request);
}

long hc_mmu_update(struct vcpu *v, const uint32_t *arg)
{
	return batch(v, arg, sizeof(struct mmu_update), do_update);
}

/* The L1 entry that maps va: its guest frame and offset, or false. */
static bool l1_entry_of(struct vcpu *v, uint32_t va, uint64_t *ptr)
{
	struct guest_mem mem = guest_mem_of(v->shadow.p2m);
	struct guest_walk w;

	guest_walk(&mem, v->shadow.p2m->nr_pfns, v->shadow.guest_cr3, va, 0, &w);
	if (w.bad || w.l1_pfn == GW_NO_PFN)
		return false;
	*ptr = ((uint64_t)w.l1_pfn << PAGE_SHIFT) | (l1_index(va) * 8u);
	return true;
}

long hc_update_va_mapping(struct vcpu *v, const uint32_t *arg)
{
	uint32_t va = arg[0];
	uint64_t val = arg[1] | ((uint64_t)arg[2] << 32);
	uint64_t ptr;

	if (va >= M2P_BASE || !l1_entry_of(v, va, &ptr))
		return -XEN_EINVAL;
	return write_entry(v, ptr, val, false);
}

static long one_ext_op(struct vcpu *v, const struct mmuext_op *op)
{
	bool own = p2m_info(v->shadow.p2m, op->arg1.mfn) != 0;

	switch (op->cmd) {
	case MMUEXT_NEW_BASEPTR:
		if (!own)
			return -XEN_EINVAL;
		return shadow_set_base(&v->shadow, op->arg1.mfn << PAGE_SHIFT) ?
		       0 : -XEN_ENOMEM;
	case MMUEXT_PIN_L1_TABLE:
	case MMUEXT_PIN_L2_TABLE:
	case MMUEXT_PIN_L3_TABLE:
		return own ? 0 : -XEN_EINVAL;	/* accepted: nothing to keep */
	case MMUEXT_UNPIN_TABLE:
		if (!own)
			return -XEN_EINVAL;
		shadow_forget(&v->shadow, op->arg1.mfn);
		return 0;
	case MMUEXT_TLB_FLUSH_LOCAL:
	case MMUEXT_INVLPG_LOCAL:
	case MMUEXT_TLB_FLUSH_MULTI:
	case MMUEXT_INVLPG_MULTI:
	case MMUEXT_TLB_FLUSH_ALL:
	case MMUEXT_INVLPG_ALL:
	case MMUEXT_FLUSH_CACHE:
		return 0;
	case MMUEXT_SET_LDT:
		return op->arg2.nr_ents == 0 ? 0 : -XEN_ENOSYS;	/* no LDTs */
	default:
		return -XEN_ENOSYS;
	}
}

static long do_ext_op(struct vcpu *v, const void *request)
{
	return one_ext_op(v, request);
}

long hc_mmuext_op(struct vcpu *v, const uint32_t *arg)
{
	return batch(v, arg, sizeof(struct mmuext_op), do_ext_op);
}
