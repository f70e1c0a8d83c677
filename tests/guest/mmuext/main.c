/*
 * mmuext: mmuext_op -- a new page-table base, pins, flushes.
 *
 * Shows: NEW_BASEPTR switches to a second set of page tables we built (a
 * copy of ours where one address maps another frame): that address reads
 * the other frame and CR3 names the new L3; switching back restores both.
 * Pinning and unpinning tables of ours is accepted; every flush is
 * accepted, in one batch.  Refused: frames past our memory (-EINVAL),
 * unknown commands (-ENOSYS, and a batch stops there and says so), another
 * domain (-EPERM), unreadable ops (-EFAULT).
 * Cannot show: that a flush flushes (Warden reloads CR3 on every entry to
 * a guest), or what Xen would say (our copies map themselves writable,
 * which Xen forbids for page tables and Warden allows).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"
#include "include/public/errno.h"

static pte_t l3[512] PAGE_ALIGNED, l2[512] PAGE_ALIGNED, l1[512] PAGE_ALIGNED;
static uint32_t win[PAGE_SIZE / 4] PAGE_ALIGNED = { 1 };
static uint32_t other[PAGE_SIZE / 4] PAGE_ALIGNED = { 2 };

#define WIN		((uint32_t)(uintptr_t)win)
#define FLAGS(e)	((e) & ~PTE_ADDR_MASK)

/* Copy the table at from to to, pointing entry i at frame pfn instead. */
static void copy_table(pte_t *to, const volatile pte_t *from, unsigned n,
		       unsigned i, uint32_t pfn)
{
	for (unsigned j = 0; j < n; j++)
		to[j] = from[j];
	to[i] = pte_make(pfn, FLAGS(from[i]));
}

static long op(uint32_t cmd, uint32_t arg1)
{
	struct mmuext_op o = { .cmd = cmd, .arg1.mfn = arg1 };

	return hc_mmuext_op(&o, 1, 0, DOMID_SELF);
}

static void new_base(void)
{
	const volatile pte_t *old_l3 = pt_top();
	const volatile pte_t *old_l2 = pfn_to_virt(pte_pfn(old_l3[3]));
	const volatile pte_t *old_l1 = pfn_to_virt(pte_pfn(old_l2[(WIN >> 21) & 511]));

	copy_table(l3, old_l3, 4, 3, virt_to_pfn(l2));
	copy_table(l2, old_l2, 512, (WIN >> 21) & 511, virt_to_pfn(l1));
	copy_table(l1, old_l1, 512, (WIN >> 12) & 511, virt_to_pfn(other));
	test_eq("pin L1", op(MMUEXT_PIN_L1_TABLE, virt_to_pfn(l1)), 0);
	test_eq("pin L2", op(MMUEXT_PIN_L2_TABLE, virt_to_pfn(l2)), 0);
	test_eq("pin L3", op(MMUEXT_PIN_L3_TABLE, virt_to_pfn(l3)), 0);
	test_eq("new base", pt_new_baseptr(l3), 0);
	test_eq("cr3", rcr3(), virt_to_maddr(l3));
	test_eq("the address maps the other frame", win[0], 2);
	test_eq("back to the old base", pt_new_baseptr((void *)(uintptr_t)start_info->pt_base), 0);
	test_eq("cr3", rcr3(), start_info->pt_base - VIRT_BASE);
	test_eq("the address maps its own frame", win[0], 1);
	test_eq("unpin", op(MMUEXT_UNPIN_TABLE, virt_to_pfn(l3)), 0);
}

static void batches(void)
{
	static const uint32_t mask = 1;
	struct mmuext_op ops[] = {
		{ .cmd = MMUEXT_TLB_FLUSH_LOCAL },
		{ .cmd = MMUEXT_INVLPG_LOCAL, .arg1.linear_addr = WIN },
		{ .cmd = MMUEXT_TLB_FLUSH_MULTI, .arg2.vcpumask = (uint32_t)(uintptr_t)&mask },
		{ .cmd = MMUEXT_INVLPG_MULTI, .arg1.linear_addr = WIN,
		  .arg2.vcpumask = (uint32_t)(uintptr_t)&mask },
		{ .cmd = MMUEXT_TLB_FLUSH_ALL },
		{ .cmd = MMUEXT_INVLPG_ALL, .arg1.linear_addr = WIN },
		{ .cmd = MMUEXT_FLUSH_CACHE },
		{ .cmd = 99 },
		{ .cmd = MMUEXT_TLB_FLUSH_LOCAL },
	};
	uint32_t done = 0;

	test_eq("every flush", hc_mmuext_op(ops, 7, &done, DOMID_SELF), 0);
	test_eq("done", done, 7);
	test_eq("a batch with an unknown command", hc_mmuext_op(ops, 9, &done, DOMID_SELF),
		-XEN_ENOSYS);
	test_eq("done", done, 7);
	test_eq("another domain", hc_mmuext_op(ops, 1, 0, 5), -XEN_EPERM);
	test_eq("unreadable ops", hc_mmuext_op((void *)0x1000, 1, 0, DOMID_SELF), -XEN_EFAULT);
}

void test_main(void)
{
	uint32_t beyond = start_info->nr_pages + 1;

	new_base();
	batches();
	test_eq("new base past our memory", op(MMUEXT_NEW_BASEPTR, beyond), -XEN_EINVAL);
	test_eq("pin past our memory", op(MMUEXT_PIN_L1_TABLE, beyond), -XEN_EINVAL);
	test_eq("still on the old base", win[0], 1);
}
