/*
 * bad-split-pte: maps a frame that is not its own with two 32-bit writes
 * to its own L1 table, each of which alone leaves a harmless entry (first
 * the high half of a not-present entry, then a low half naming one of its
 * own frames), then touches the address.  Warden must have kept the mixed
 * entry out of the shadow and now crash this domain.  (contain-split-pte)
 */
#include "guest/lib/console.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

#define VA	(VIRT_BASE + 0x1ff000)	/* past our image, in the same L1 table */

void test_main(void)
{
	volatile pte_t *e = pt_l1e(VA);
	uint32_t own = virt_to_pfn((void *)VA);

	pte_write_whole(e, 0);
	pte_write_half(e, 1, 1);		/* frame bit 20: + 0x100000 */
	pte_write_half(e, 0, (uint32_t)pte_make(own, PTE_P | PTE_RW));
	printk("entry now 0x%llx (frame 0x%x); touching 0x%x\n", (unsigned long long)*e,
	       pte_pfn(*e), VA);
	*(volatile uint8_t *)VA = 1;
	test_fail("wrote through a frame that is not ours");
}
