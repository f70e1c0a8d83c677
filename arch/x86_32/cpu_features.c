/*
 * cpu_features.c - PAE is checked in boot.S (without it there is no way
 * to run C); NX is checked here, because without it execute watches and
 * Warden's own no-execute data pages cannot work.  QEMU's qemu32 model
 * has PAE but needs +nx.
 */
#include "arch/x86_32/cpu_features.h"
#include "arch/x86_32/x86.h"

#define CPUID_EXT_BASE		0x80000000u
#define CPUID_EXT_FEATURES	0x80000001u
#define CPUID_EDX_PAE		(1u << 6)
#define CPUID_EXT_EDX_NX	(1u << 20)

const char *cpu_missing_feature(void)
{
	if (!(cpuid(1).edx & CPUID_EDX_PAE))
		return "PAE";
	if (cpuid(CPUID_EXT_BASE).eax < CPUID_EXT_FEATURES ||
	    !(cpuid(CPUID_EXT_FEATURES).edx & CPUID_EXT_EDX_NX))
		return "NX (no-execute pages)";
	return 0;
}

void cpu_enable_nx(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
}
