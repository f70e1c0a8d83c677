/*
 * bad-iret-ring0: uses the iret hypercall to "return" to ring 0 (a CS with
 * RPL 0).  Warden must crash this domain.  (contain-iret-ring0)
 */
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "include/public/arch_x86_32.h"

void test_main(void)
{
	printk("iret to cs 0x%x\n", FLAT_RING1_CS & ~3);
	__asm__ volatile("pushl $0x202\n"
			 "pushl %0\n"
			 "pushl $1f\n"
			 "jmp hypercall_page + 23 * 32\n"
			 "1:\n"
			 : : "r"(FLAT_RING1_CS & ~3) : "memory");
	test_fail("came back from an iret to ring 0");
}
