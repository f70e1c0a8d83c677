/*
 * pt.c - walking and changing our own page tables (see pt.h).
 *
 * The walk reads each level through the bootstrap mapping of the frame the
 * level above names, as a CPU would read it physically: L3 (4 entries, one
 * a GiB), L2 (512 of 2 MiB), L1 (512 of 4 KiB).  That works for every
 * table we build ourselves too, as long as it lives in our image or the
 * bootstrap region.
 */
#include "guest/lib/pt.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/start_info.h"

static const volatile pte_t *top;	/* the L3 we walk from */
static uint32_t next_free_pfn;		/* pt_alloc_frame's next frame */

const volatile pte_t *pt_top(void)
{
	if (!top)
		top = (const volatile pte_t *)(uintptr_t)start_info->pt_base;
	return top;
}

/* The table a present, non-large upper-level entry points at, or NULL. */
static volatile pte_t *next_table(pte_t e)
{
	if (!(e & PTE_P) || (e & PTE_PS))
		return 0;
	return pfn_to_virt(pte_pfn(e));
}

volatile pte_t *pt_l1e(uint32_t va)
{
	volatile pte_t *l2 = next_table(pt_top()[va >> 30]);
	volatile pte_t *l1 = l2 ? next_table(l2[(va >> 21) & 511]) : 0;

	return l1 ? &l1[(va >> PAGE_SHIFT) & 511] : 0;
}

pte_t pt_read(uint32_t va)
{
	volatile pte_t *e = pt_l1e(va);

	return e ? *e : 0;
}

long pt_set(uint32_t va, pte_t pte)
{
	return hc_update_va_mapping(va, pte, UVMF_INVLPG);
}

long pt_map(uint32_t va, uint32_t pfn, uint64_t flags)
{
	return pt_set(va, pte_make(pfn, flags));
}

long pt_unmap(uint32_t va)
{
	return pt_set(va, 0);
}

long pt_new_baseptr(const void *l3)
{
	struct mmuext_op op = { .cmd = MMUEXT_NEW_BASEPTR,
				.arg1.mfn = virt_to_pfn(l3) };
	long rc = hc_mmuext_op(&op, 1, 0, DOMID_SELF);

	if (rc == 0)
		top = l3;
	return rc;
}

/* The first frame past the bootstrap region, which the domain builder
 * maps with whole L1 tables from VIRT_BASE on: one L2 entry per 2 MiB. */
static uint32_t first_unmapped_pfn(void)
{
	const volatile pte_t *l2 = next_table(pt_top()[VIRT_BASE >> 30]);
	uint32_t tables = 0;

	while (l2 && tables < 512 && (l2[tables] & PTE_P))
		tables++;
	return tables * (512 * PAGE_SIZE >> PAGE_SHIFT);
}

uint32_t pt_alloc_frame(void)
{
	if (!next_free_pfn)
		next_free_pfn = first_unmapped_pfn();
	if (next_free_pfn >= start_info->nr_pages)
		test_fatal("pt_alloc_frame: no free frame left");
	return next_free_pfn++;
}
