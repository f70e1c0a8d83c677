/*
 * cpuid: Xen's forced CPUID, and #UD.
 *
 * Shows: `ud2; .ascii "xen"; cpuid` is emulated: the hypervisor leaves
 * (0x40000000: "XenVMMXenVMM", at least two more leaves), leaf 1 with the
 * hypervisor bit and without SEP (no sysenter for guests), leaf 0 with the
 * CPU's own vendor; a plain ud2, and ud2 followed by anything but "xen"
 * and cpuid, is the guest's own #UD at the ud2.
 * Cannot show: what a plain `cpuid` returns (it does not trap: the CPU's
 * own answer).
 */
#include "guest/lib/extable.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"
#include "lib/string.h"

#define CPUID_1_ECX_HYPERVISOR	(1u << 31)
#define CPUID_1_EDX_SEP		(1u << 11)

static bool same_vendor(struct cpuid_regs a, struct cpuid_regs b)
{
	return a.ebx == b.ebx && a.ecx == b.ecx && a.edx == b.edx;
}

void test_main(void)
{
	struct cpuid_regs hv = forced_cpuid(0x40000000), one = forced_cpuid(1);
	uint32_t exinfo = 0;
	char sig[13] = "";

	memcpy(sig, &hv.ebx, 4);
	memcpy(sig + 4, &hv.ecx, 4);
	memcpy(sig + 8, &hv.edx, 4);
	if (strcmp(sig, "XenVMMXenVMM") != 0)
		test_fail("hypervisor signature \"%s\"", sig);
	if (hv.eax < 0x40000002)
		test_fail("hypervisor leaves end at 0x%x", hv.eax);
	test_eq("leaf 1: hypervisor bit", !!(one.ecx & CPUID_1_ECX_HYPERVISOR), 1);
	test_eq("leaf 1: SEP", !!(one.edx & CPUID_1_EDX_SEP), 0);
	if (!same_vendor(forced_cpuid(0), cpuid(0)))
		test_fail("leaf 0: the vendor differs from the CPU's");

	__asm__ volatile("1: ud2\n2:\n" EXTABLE(1b, 2b) : "+a"(exinfo) : : "memory");
	test_eq("plain ud2", exinfo, EXINFO_UD);
	exinfo = 0;
	__asm__ volatile("1: ud2; .ascii \"xem\"; cpuid\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo) : : "ebx", "ecx", "edx", "memory");
	test_eq("ud2 with a wrong signature", exinfo, EXINFO_UD);
}
