/*
 * cr2: the control registers a ring-1 kernel may read.
 *
 * Shows: `mov %cr2` (into any register) gives the address of the last page
 * fault Warden delivered, the same as vcpu_info's arch.cr2 in shared info,
 * and it changes with each fault; `mov %cr3` gives the pseudo-physical
 * address of our L3 table; writing CR3 or CR0 is #GP(0), our own fault.
 * Cannot show: that a shadow miss (a fault Warden fixes without telling
 * us) leaves CR2 alone (this test could not tell when one happened).
 */
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

static uint8_t pages[2][PAGE_SIZE] PAGE_ALIGNED;

static void fault_at(uint32_t va)
{
	volatile struct shared_info *s = shared_info();
	uint32_t esi, edi;

	expect_fault("unmapped page", PROBE_READ, va, EXINFO_PF(0));
	__asm__ volatile("mov %%cr2, %%esi; mov %%cr2, %%edi" : "=S"(esi), "=D"(edi));
	test_eq("cr2 into esi", esi, va);
	test_eq("cr2 into edi", edi, va);
	test_eq("shared info's cr2", s->vcpu_info[0].arch.cr2, va);
}

void test_main(void)
{
	uint32_t a = (uint32_t)(uintptr_t)pages[0], b = (uint32_t)(uintptr_t)pages[1];
	uint32_t exinfo = 0;

	test_eq("cr3", rcr3(), start_info->pt_base - VIRT_BASE);
	pt_unmap(a);
	pt_unmap(b);
	fault_at(a + 0x123);
	fault_at(b + 0xffc);
	fault_at(a);
	__asm__ volatile("1: mov %%eax, %%cr3\n2:\n" EXTABLE(1b, 2b) : "+a"(exinfo));
	test_eq("writing cr3", exinfo, EXINFO_GP(0));
	exinfo = 0;
	__asm__ volatile("1: mov %%eax, %%cr0\n2:\n" EXTABLE(1b, 2b) : "+a"(exinfo));
	test_eq("writing cr0", exinfo, EXINFO_GP(0));
}
