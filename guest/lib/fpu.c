/*
 * fpu.c - loading and reading the FPU and SSE registers (fpu.h).
 */
#include "guest/lib/fpu.h"
#include "guest/lib/extable.h"
#include "guest/lib/x86.h"

#define CPUID_1_EDX_FXSR	(1u << 24)
#define CPUID_1_EDX_SSE		(1u << 25)

bool fpu_has_sse(void)
{
	uint32_t want = CPUID_1_EDX_FXSR | CPUID_1_EDX_SSE;

	return (cpuid(1).edx & want) == want;
}

void fpu_x87_load(const int64_t v[FPU_X87_REGS])
{
	__asm__ volatile("fninit");
	for (int i = FPU_X87_REGS - 1; i >= 0; i--)
		__asm__ volatile("fildll %0" : : "m"(v[i]));
}

void fpu_x87_store(int64_t v[FPU_X87_REGS])
{
	for (int i = 0; i < FPU_X87_REGS; i++)
		__asm__ volatile("fistpll %0" : "=m"(v[i]));
}

/* One instruction per register: the register number is part of it. */
#define XMM_EACH(op)							\
	__asm__ volatile(op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7)	\
			 : : "r"(x) : "memory")
#define XMM_LOAD(n)	"movdqu " #n "*16(%0), %%xmm" #n "\n\t"
#define XMM_STORE(n)	"movdqu %%xmm" #n ", " #n "*16(%0)\n\t"

void fpu_xmm_load(const struct xmm x[FPU_XMM_REGS])
{
	XMM_EACH(XMM_LOAD);
}

void fpu_xmm_store(struct xmm x[FPU_XMM_REGS])
{
	XMM_EACH(XMM_STORE);
}

_Static_assert(sizeof(struct fxsave_area) == 512, "FXSAVE's area");

void fpu_fxsave(struct fxsave_area *area)
{
	__asm__ volatile("fxsave %0" : "=m"(*area));
}

uint32_t fpu_probe_x87(void)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: fnop; 2:" EXTABLE(1b, 2b) : "+a"(exinfo));
	return exinfo;
}

uint32_t fpu_probe_sse(void)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: movaps %%xmm7, %%xmm7; 2:" EXTABLE(1b, 2b) : "+a"(exinfo));
	return exinfo;
}
