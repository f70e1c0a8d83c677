/*
 * bad-idt-write: writes the IDT that sidt shows it (Warden's, in the
 * read-only switcher region).  Warden must crash this domain, not let the
 * write through, and not fault itself.  (contain-idt-write)
 */
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

void test_main(void)
{
	uint32_t gate = sidt().base + 14 * 8;

	printk("writing the IDT's #PF gate at 0x%x\n", gate);
	*(volatile uint32_t *)(uintptr_t)gate = 0;
	test_fail("wrote the IDT at 0x%x", gate);
}
