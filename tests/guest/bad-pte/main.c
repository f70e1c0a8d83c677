/*
 * bad-pte: writes a whole page-table entry naming a frame past its memory,
 * in one instruction (cmpxchg8b), to its own read-only L1 table.  Warden
 * emulates the write, must refuse it and crash this domain.  (contain-bad-pte)
 */
#include "guest/lib/console.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

static uint8_t win[PAGE_SIZE] PAGE_ALIGNED;

void test_main(void)
{
	uint32_t frame = start_info->nr_pages + 0x100;

	printk("mapping frame 0x%x with cmpxchg8b\n", frame);
	pte_write_whole(pt_l1e((uint32_t)(uintptr_t)win), pte_make(frame, PTE_P | PTE_RW));
	test_fail("mapped frame 0x%x: reads 0x%x", frame, win[0]);
}
