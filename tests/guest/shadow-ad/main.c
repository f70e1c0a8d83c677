/*
 * shadow-ad: accessed and dirty bits in our own page-table entries.
 *
 * Shows, for a page whose entry we write without A and D (table below):
 * a read sets A only, a write then sets D; a first access that is a write
 * sets both; a read-only page gets A on a read, and D stays clear when a
 * write to it faults; Warden's own write into the page (a hypercall result) sets
 * D, as the CPU's would; mmu_update's PRESERVE_AD keeps A and D.  And for
 * a fresh L1 table hung into our L2 without A, using a page under it sets
 * A in the L2 entry as well as in the L1 entry.  test.conf checks that
 * Warden counted dirty-bit faults.
 * Cannot show: the bits in Warden's shadow entries (the CPU sets those;
 * the guest never sees them).
 */
#include "include/public/version.h"
#include "guest/lib/probe.h"
#include "tests/guest/shadow-lib/shadow_lib.h"

#define PAGE	(VIRT_BASE + 0x300000)			/* unused, ours */
#define L1_VIEW	(VIRT_BASE + 0x301000)			/* likewise */

enum access { NONE, READ, WRITE, WARDEN_WRITE };

struct ad_case {
	const char *what;
	uint64_t flags;		/* the entry we write: P, maybe RW, never A/D */
	enum access first, second;
	uint64_t ad;		/* A and D afterwards */
};

static const struct ad_case cases[] = {
	{ "untouched", RW, NONE, NONE, 0 },
	{ "read", RW, READ, NONE, PTE_A },
	{ "read, then write", RW, READ, WRITE, AD },
	{ "write first", RW, WRITE, NONE, AD },
	{ "read-only, read", PTE_P, READ, NONE, PTE_A },
	{ "Warden writes", RW, WARDEN_WRITE, NONE, AD },
	{ "Warden writes after a read", RW, READ, WARDEN_WRITE, AD },
};

static void do_access(enum access a)
{
	if (a == READ)
		(void)*(volatile uint32_t *)PAGE;
	else if (a == WRITE)
		*(volatile uint32_t *)PAGE = 1;
	else if (a == WARDEN_WRITE)
		test_eq("xen_version into the page",
			hc_xen_version(XENVER_extraversion, (void *)PAGE) >= 0, 1);
}

static void run_case(const struct ad_case *c, uint32_t frame)
{
	test_eq(c->what, pt_set(PAGE, pte_make(frame, c->flags)), 0);
	do_access(c->first);
	do_access(c->second);
	if (!test_eq(c->what, pt_read(PAGE) & AD, c->ad))
		return;
	test_eq("the rest of the entry", pt_read(PAGE) & ~AD, pte_make(frame, c->flags));
}

static void read_only_write_keeps_clean(uint32_t frame)
{
	pt_set(PAGE, pte_make(frame, PTE_P));
	expect_fault("write to a read-only page", PROBE_WRITE, PAGE,
		     EXINFO_PF(PF_P | PF_W));
	test_eq("read-only page after a refused write", pt_read(PAGE) & PTE_D, 0);
}

static void preserve_ad(uint32_t frame)
{
	struct mmu_update u = { virt_to_maddr(pt_l1e(PAGE)) | MMU_PT_UPDATE_PRESERVE_AD,
				pte_make(frame, RW) };

	pt_set(PAGE, pte_make(frame, RW));
	*(volatile uint32_t *)PAGE = 2;
	test_eq("PRESERVE_AD", hc_mmu_update(&u, 1, 0, DOMID_SELF), 0);
	test_eq("A and D kept", pt_read(PAGE) & AD, AD);
}

/* A fresh L1 in a free slot of our L2, both entries without A. */
static void l2_entry_accessed(uint32_t frame)
{
	uint32_t l1 = pt_alloc_frame(), slot = free_l2_slot();
	volatile const pte_t *view = (volatile const pte_t *)L1_VIEW;

	set_entry(l1, 0, pte_make(frame, RW));
	set_entry(pte_pfn(pt_top()[3]), slot, pte_make(l1, RW));
	test_eq("a view of the L1", pt_map(L1_VIEW, l1, PTE_P), 0);
	test_eq("L2 entry before", top_l2()[slot] & AD, 0);
	(void)*(volatile uint32_t *)slot_va(slot);
	test_eq("L2 entry after a read", top_l2()[slot] & AD, PTE_A);
	test_eq("L1 entry after a read", view[0] & AD, PTE_A);
}

void test_main(void)
{
	uint32_t frame = pt_alloc_frame();

	for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i], frame);
	read_only_write_keeps_clean(frame);
	preserve_ad(frame);
	l2_entry_accessed(frame);
}
