/*
 * bad-m2p-write: reads the machine-to-physical table at 0xF5800000, which
 * it may, then writes it, which it may not.  Warden must crash this domain.
 * (contain-m2p-write)
 */
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "include/public/arch_x86_32.h"

void test_main(void)
{
	volatile uint32_t *m2p = (volatile uint32_t *)MACH2PHYS_VIRT_START;

	printk("M2P entry 5 reads 0x%x; writing it\n", m2p[5]);
	m2p[5] = 6;
	test_fail("wrote the M2P table");
}
