/*
 * cpu.h - one-instruction wrappers the native backend needs, as xv6's
 * x86.h: the privileged instructions a kernel in ring 0 uses itself and a
 * kernel on Warden asks for by hypercall.
 */
#ifndef GUEST_LIB_NATIVE_CPU_H
#define GUEST_LIB_NATIVE_CPU_H

#include <stdint.h>

#include "guest/lib/x86.h"

#define CR0_WP		(1u << 16)
#define CR0_PG		(1u << 31)
#define CR4_PAE		(1u << 5)

#define MSR_EFER	0xc0000080u
#define EFER_NXE	(1u << 11)

#define CPUID_EXT_MAX		0x80000000u	/* EAX: the last extended leaf */
#define CPUID_EXT_FEATURES	0x80000001u
#define CPUID_EXT_NX		(1u << 20)	/* EDX */

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return (uint64_t)hi << 32 | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline void write_cr3(uint32_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void invlpg(uint32_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline void lgdt(const struct desc_ptr *d)
{
	__asm__ volatile("lgdt %0" : : "m"(*d));
}

static inline void lidt(const struct desc_ptr *d)
{
	__asm__ volatile("lidt %0" : : "m"(*d));
}

static inline void ltr(uint16_t sel)
{
	__asm__ volatile("ltr %0" : : "r"(sel));
}

/* Wait for one interrupt: sti's one-instruction delay covers the hlt, so
 * an interrupt that is already pending wakes it rather than being lost. */
static inline void wait_for_interrupt(void)
{
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

_Noreturn static inline void halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

#endif
