/*
 * x86.h - one-instruction wrappers a guest kernel uses, as xv6's x86.h.
 *
 * In ring 1 some of these are not what they seem: `mov %cr2` and `mov %cr3`
 * are privileged and trap into Warden, which emulates them (CR2 is the
 * address of the last page fault Warden delivered, CR3 the pseudo-physical
 * address of our own top-level table).  sgdt, sidt and str are not
 * privileged on CPUs without UMIP, so they show Warden's tables.
 */
#ifndef GUEST_LIB_X86_H
#define GUEST_LIB_X86_H

#include <stdint.h>

#include "include/public/arch_x86_32.h"

#define EFLAGS_CF	0x1u
#define EFLAGS_IF	0x200u
#define EFLAGS_IOPL	0x3000u
#define EFLAGS_NT	0x4000u

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

struct cpuid_result {
	uint32_t eax, ebx, ecx, edx;
};

static inline uint32_t read_cr2(void)
{
	uint32_t v;

	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint32_t read_cr3(void)
{
	uint32_t v;

	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

/* The CPU's time-stamp counter (not privileged unless CR4.TSD). */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline uint32_t read_eflags(void)
{
	uint32_t v;

	__asm__ volatile("pushf; pop %0" : "=r"(v));
	return v;
}

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

/* The CPU's own CPUID, which ring 1 may run (no faulting on this CPU). */
static inline struct cpuid_result cpuid(uint32_t leaf)
{
	struct cpuid_result r;

	__asm__ volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(0));
	return r;
}

#define X86_STR(...)	#__VA_ARGS__
#define X86_XSTR(...)	X86_STR(__VA_ARGS__)

/* Xen's forced CPUID: ud2; "xen"; cpuid -- the CPUID Warden chooses. */
static inline struct cpuid_result forced_cpuid(uint32_t leaf)
{
	struct cpuid_result r;

	__asm__ volatile(".byte " X86_XSTR(XEN_EMULATE_PREFIX_BYTES) "; cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(0));
	return r;
}

#endif
