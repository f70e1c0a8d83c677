/*
 * bench.c - the benchmark's kernel half (bench.h): what the kernel itself
 * pays for an interrupt and for a page fault of its own.
 *
 * int_iret: `int $0x81` to a gate whose handler is trap_return, the
 * backend's way out of a trap.  Natively that is a bare `iret`: the pair
 * is the cheapest round trip through the CPU's trap machinery, the
 * baseline of a null hypercall.  On Warden the same code is a software
 * interrupt Warden bounces, and the iret hypercall.
 *
 * page_fault: a read of an address the kernel never maps, resumed by the
 * exception table (extable.h).  Natively the CPU delivers it straight to
 * our stub; on Warden it is a fault in Warden, which finds that our own
 * tables forbid the read and bounces it to the same stub.  Trap stub,
 * dispatcher and table search are the same code in both.
 *
 * Both run in the kernel, with interrupts (events) off, before any
 * process exists, and are taken as guest/bench/measure.h says.
 */
#include "guest/bench/measure.h"
#include "guest/kernel/bench.h"
#include "guest/kernel/proc.h"
#include "guest/lib/backend.h"
#include "guest/lib/console.h"
#include "guest/lib/extable.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"

/* Any free vector.  DPL 1: on Warden the kernel runs in ring 1 (Warden
 * lets `int n` through only to a gate the caller's ring may reach);
 * natively ring 0 may reach it too, and ring 3 in neither. */
#define BENCH_VECTOR	0x81
#define BENCH_DPL	1

/* Below USER_BASE: no table of the kernel's maps it (memlayout.h). */
#define NEVER_MAPPED	0x00001000u

#define __measured	static __attribute__((noinline))

__measured void nothing(void)
{
	__asm__ volatile("" : : : "memory");
}

__measured void int_iret(void)
{
	__asm__ volatile("int $" X86_XSTR(BENCH_VECTOR) : : : "memory");
}

__measured void page_fault(void)
{
	uint32_t exinfo = 0, value;

	__asm__ volatile("1: movl (%[va]), %[value]\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo), [value] "=r"(value) : [va] "r"(NEVER_MAPPED)
			 : "memory");
	if (exinfo != EXINFO_PF(0))
		test_fatal("bench: a read of 0x%x gave exinfo 0x%x, not a #PF",
			   NEVER_MAPPED, exinfo);
}

static void report(const char *name, void (*op)(void))
{
	printk("bench %s %u\n", name, bench_per_call(op, nothing));
}

void bench_kernel(void)
{
	proc_announce(false);
	if (backend_trap_gate(BENCH_VECTOR, (uint32_t)(uintptr_t)trap_return, BENCH_DPL))
		test_fatal("bench: the gate for int $0x%x was refused", BENCH_VECTOR);
	report("int_iret", int_iret);
	report("page_fault", page_fault);
}
