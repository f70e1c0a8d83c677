/*
 * bad-tss-write: finds the TSS through str and the GDT, and writes its
 * ring-0 stack pointer.  Warden must crash this domain.  (contain-tss-write)
 */
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

static uint32_t descriptor_base(uint64_t d)
{
	return (uint32_t)(d >> 16 & 0xffffff) | (uint32_t)(d >> 56) << 24;
}

void test_main(void)
{
	uint16_t tr = str();
	uint64_t d = *(volatile uint64_t *)(uintptr_t)(sgdt().base + (tr & ~7u));
	uint32_t tss = descriptor_base(d);

	printk("writing esp0 of the TSS (selector 0x%x) at 0x%x\n", tr, tss + 4);
	*(volatile uint32_t *)(uintptr_t)(tss + 4) = 0x1000;
	test_fail("wrote the TSS at 0x%x", tss + 4);
}
