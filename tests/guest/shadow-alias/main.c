/*
 * shadow-alias: a page table that is also mapped writable elsewhere.
 *
 * Shows: `table`, a page of our image (so mapped writable at its own
 * address: the alias), filled with plain writes, then hung into our top
 * L2 as the L1 of a free 2 MiB (the window).  Once the window is used the
 * table is shadowed; from then on every write through the alias -- a
 * whole entry (cmpxchg8b), an entry in two 32-bit halves (plain C), and
 * through a second writable alias made after the table was in use -- is
 * trapped and applied: the window maps what the table says, at once.
 * test.conf checks on the console that Warden write-protected the alias
 * (precisely: nothing was evicted or dropped wholesale) and emulated the
 * writes.
 * Cannot show: which shadow entries were made read-only (only the count).
 */
#include "tests/guest/shadow-lib/shadow_lib.h"

static volatile pte_t table[512] PAGE_ALIGNED;	/* volatile: every write must happen, in order */
static uint32_t a[PAGE_SIZE / 4] PAGE_ALIGNED = { 0xa };
static uint32_t b[PAGE_SIZE / 4] PAGE_ALIGNED = { 0xb };

#define ALIAS2	(VIRT_BASE + 2 * TWO_MIB - 3 * PAGE_SIZE)	/* unused */

static uint32_t read_window(uint32_t window, unsigned page)
{
	return *(volatile uint32_t *)(uintptr_t)(window + page * PAGE_SIZE);
}

void test_main(void)
{
	unsigned slot = free_l2_slot();
	uint32_t window = slot_va(slot);
	volatile pte_t *alias2 = (volatile pte_t *)ALIAS2;

	table[0] = pte_make(virt_to_pfn(a), RW);	/* not a table yet */
	table[1] = pte_make(virt_to_pfn(b), RW);
	set_entry(pte_pfn(pt_top()[3]), slot, pte_make(virt_to_pfn(table), RW));
	test_eq("window page 0", read_window(window, 0), 0xa);
	test_eq("window page 1", read_window(window, 1), 0xb);

	pte_write_whole(&table[0], pte_make(virt_to_pfn(b), RW));
	test_eq("after a whole-entry write", read_window(window, 0), 0xb);
	table[1] = pte_make(virt_to_pfn(a), RW);	/* two halves */
	test_eq("after a write in halves", read_window(window, 1), 0xa);

	test_eq("second alias", pt_map(ALIAS2, virt_to_pfn(table), RW), 0);
	alias2[2] = pte_make(virt_to_pfn(a), RW);
	test_eq("after a write through the second alias", read_window(window, 2), 0xa);
	test_eq("the entry reads back, accessed", table[2] ==
		pte_make(virt_to_pfn(a), RW | PTE_A), 1);
}
