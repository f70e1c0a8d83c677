/*
 * shadow-unshadow: a frame that stops being a page table is writable
 * again.
 *
 * `table`, a page of our image (mapped writable at its own address), is
 * hung into our top L2 and used, so Warden shadows and write-protects it:
 * each of TABLE_WRITES writes through our mapping faults and is emulated
 * (and the window follows it).  Then we unhook it: no shadow copies it
 * any more.  Shows: the window faults once unhooked, and PLAIN_WRITES
 * writes through our mapping land in the frame.  test.conf checks the
 * console: exactly TABLE_WRITES page-table writes were emulated and a
 * single fault (a stale read-only entry) made the page writable again --
 * not one fault per write.
 * Cannot show: when Warden dropped the shadow (only that it did).
 */
#include "guest/lib/probe.h"
#include "tests/guest/shadow-lib/shadow_lib.h"

#define TABLE_WRITES	4
#define PLAIN_WRITES	1000

static volatile pte_t table[512] PAGE_ALIGNED;
static uint32_t pages[TABLE_WRITES][PAGE_SIZE / 4] PAGE_ALIGNED;

static uint32_t window_word(uint32_t window, unsigned page)
{
	return *(volatile uint32_t *)(uintptr_t)(window + page * PAGE_SIZE);
}

void test_main(void)
{
	unsigned slot = free_l2_slot();
	uint32_t window = slot_va(slot), top = pte_pfn(pt_top()[3]);

	for (unsigned i = 0; i < TABLE_WRITES; i++)
		pages[i][0] = 100 + i;
	table[0] = pte_make(virt_to_pfn(pages[0]), RW);	/* not a table yet */
	set_entry(top, slot, pte_make(virt_to_pfn(table), RW));
	test_eq("the window", window_word(window, 0), 100);
	for (unsigned i = 0; i < TABLE_WRITES; i++) {
		pte_write_whole(&table[i], pte_make(virt_to_pfn(pages[i]), RW));
		test_eq("the window follows the table", window_word(window, i), 100 + i);
	}
	set_entry(top, slot, 0);
	expect_fault("the window, unhooked", PROBE_READ, window, EXINFO_PF(0));
	for (unsigned i = 0; i < PLAIN_WRITES; i++)
		table[i % 512] = i;
	test_eq("the last plain write", table[(PLAIN_WRITES - 1) % 512], PLAIN_WRITES - 1);
}
