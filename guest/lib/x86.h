/*
 * x86.h - one-instruction wrappers a guest kernel uses, as xv6's x86.h.
 *
 * In ring 1 some of these are not what they seem: `mov %cr2` and `mov %cr3`
 * are privileged and trap into Warden, which emulates them (CR2 is the
 * address of the last page fault Warden delivered, CR3 the pseudo-physical
 * address of our own top-level table).  sgdt, sidt and str are not
 * privileged on CPUs without UMIP, so they show Warden's tables.
 *
 * The wrappers a ring-0 kernel and a ring-1 one share (rcr2, rcr3,
 * rdtsc, cpuid, in and out, ...) are Warden's own, arch/x86_32/x86.h;
 * here are those only a guest, or a test of Warden, needs.
 */
#ifndef GUEST_LIB_X86_H
#define GUEST_LIB_X86_H

#include <stdint.h>

#include "arch/x86_32/x86.h"
#include "include/public/arch_x86_32.h"

#define EFLAGS_CF	0x1u

#define X86_EXC_DE	0
#define X86_EXC_BP	3
#define X86_EXC_OF	4
#define X86_EXC_UD	6
#define X86_EXC_NP	11
#define X86_EXC_GP	13
#define X86_EXC_PF	14

/* A descriptor-table register, as sgdt and sidt store it. */
struct desc_ptr {
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static inline uint16_t read_cs(void)
{
	uint16_t v;

	__asm__ volatile("mov %%cs, %0" : "=r"(v));
	return v;
}

static inline uint16_t read_fs(void)
{
	uint16_t v;

	__asm__ volatile("mov %%fs, %0" : "=r"(v));
	return v;
}

static inline void write_fs(uint16_t sel)
{
	__asm__ volatile("mov %0, %%fs" : : "r"(sel) : "memory");
}

static inline uint32_t read_fs_word(uint32_t offset)
{
	uint32_t v;

	__asm__ volatile("movl %%fs:(%1), %0" : "=r"(v) : "r"(offset) : "memory");
	return v;
}

static inline struct desc_ptr sgdt(void)
{
	struct desc_ptr d;

	__asm__ volatile("sgdt %0" : "=m"(d));
	return d;
}

static inline struct desc_ptr sidt(void)
{
	struct desc_ptr d;

	__asm__ volatile("sidt %0" : "=m"(d));
	return d;
}

static inline uint16_t str(void)
{
	uint16_t sel;

	__asm__ volatile("str %0" : "=r"(sel));
	return sel;
}

#define X86_STR(...)	#__VA_ARGS__
#define X86_XSTR(...)	X86_STR(__VA_ARGS__)

/* Xen's forced CPUID: ud2; "xen"; cpuid -- the CPUID Warden chooses. */
static inline struct cpuid_regs forced_cpuid(uint32_t leaf)
{
	struct cpuid_regs r;

	__asm__ volatile(".byte " X86_XSTR(XEN_EMULATE_PREFIX_BYTES) "; cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(0));
	return r;
}

#endif
