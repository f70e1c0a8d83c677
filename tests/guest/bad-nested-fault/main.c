/*
 * bad-nested-fault: registers a #PF handler at an address it never
 * mapped, then takes a page fault.  Delivering it faults again at the
 * handler, forever if Warden let it: Warden must crash this domain.
 * (contain-nested-fault)
 */
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"

#define NOWHERE		0x10000000	/* nothing is mapped below VIRT_BASE */

void test_main(void)
{
	const struct trap_info t[2] = {
		{ 14, 0, FLAT_RING1_CS, NOWHERE },
		{ 0, 0, 0, 0 },
	};

	test_eq("set_trap_table", hc_set_trap_table(t), 0);
	printk("#PF handler at 0x%x; touching 0x20000000\n", NOWHERE);
	(void)*(volatile uint32_t *)0x20000000;
	test_fail("came back from a fault with an unmapped handler");
}
