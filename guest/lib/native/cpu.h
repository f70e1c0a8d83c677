/*
 * cpu.h - one-instruction wrappers the native backend needs, as xv6's
 * x86.h: the privileged instructions a kernel in ring 0 uses itself and a
 * kernel on Warden asks for by hypercall.  Those Warden uses too (outb,
 * rdmsr, lcr3, invlpg, sti_hlt_cli, ...) come from arch/x86_32/x86.h,
 * through guest/lib/x86.h.
 */
#ifndef GUEST_LIB_NATIVE_CPU_H
#define GUEST_LIB_NATIVE_CPU_H

#include <stdint.h>

#include "guest/lib/x86.h"

#define CPUID_EXT_MAX		0x80000000u	/* EAX: the last extended leaf */
#define CPUID_EXT_FEATURES	0x80000001u
#define CPUID_EXT_NX		(1u << 20)	/* EDX */

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

#endif
