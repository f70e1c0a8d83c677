/*
 * bad-gdt-write: writes Warden's part of the GDT that sgdt shows it (the
 * descriptor of its own flat ring-1 code segment).  Warden must crash this
 * domain.  (contain-gdt-write)
 */
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

void test_main(void)
{
	struct desc_ptr gdt = sgdt();
	uint32_t high = gdt.base + (FLAT_RING1_CS & ~7u) + 4;

	printk("writing the DPL of our code segment's descriptor at 0x%x\n", high);
	*(volatile uint32_t *)(uintptr_t)high |= 3 << 13;	/* DPL 3 */
	test_fail("wrote the GDT at 0x%x", high);
}
