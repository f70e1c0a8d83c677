/*
 * bad-selector: clears its trap table, then loads a selector that does
 * not load.  The #GP has no handler to go to: Warden must crash this
 * domain (not loop, not panic).  (contain-bad-selector)
 */
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

void test_main(void)
{
	test_eq("clear the trap table", hc_set_trap_table(0), 0);
	printk("loading selector 0xfff9 into %%fs\n");
	write_fs(0xfff9);
	test_fail("loaded selector 0xfff9");
}
