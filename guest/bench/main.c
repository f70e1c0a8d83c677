/*
 * bench: what Warden's own paths cost, in instructions -- the ones with no
 * native counterpart, measured where Xen's figures were (issue 4):
 *
 *   null_hypercall            xen_version(0): into Warden and straight back
 *   forced_cpuid              Xen's `ud2; "xen"; cpuid`, emulated
 *   update_va_mapping_invlpg  one L1 entry rewritten as it was, and its
 *                             TLB entry flushed
 *   yield_one_domain          sched_op(yield) with nobody else to run
 *
 * Each is printed as "bench NAME N", taken as measure.h says, for
 * tools/bench.sh to collect.  What the kernel pays on Warden against a
 * native run -- its page faults, system calls, switches, workloads -- the
 * test kernel measures (guest/kernel/bench.h).  Not a test: the figures
 * are what `make bench` reports; tests/boot/bench-guest/ checks only that
 * every line comes out.
 */
#include <stdint.h>

#include "guest/bench/measure.h"
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"
#include "include/public/mm.h"
#include "include/public/sched.h"

#define __measured	static __attribute__((noinline))

__measured void nothing(void)
{
	__asm__ volatile("" : : : "memory");
}

__measured void null_hypercall(void)
{
	hc_xen_version(0, 0);
}

__measured void forced_emulation_cpuid(void)
{
	forced_cpuid(0);
}

__measured void yield(void)
{
	hc_sched_op(SCHEDOP_yield, 0);
}

static uint8_t page[4096] __attribute__((aligned(4096)));

__measured void remap_with_invlpg(void)
{
	hc_update_va_mapping((uint32_t)page, pt_read((uint32_t)page), UVMF_INVLPG);
}

static void report(const char *name, void (*op)(void))
{
	printk("bench %s %u\n", name, bench_per_call(op, nothing));
}

void test_main(void)
{
	report("null_hypercall", null_hypercall);
	report("forced_cpuid", forced_emulation_cpuid);
	report("update_va_mapping_invlpg", remap_with_invlpg);
	report("yield_one_domain", yield);
}
