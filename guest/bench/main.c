/*
 * bench: what Warden's paths cost, in instructions.
 *
 * Run under QEMU's -icount shift=0,sleep=off (make bench), rdtsc counts
 * executed instructions, Warden's included, the same in every run.  Each
 * figure is the mean of ROUNDS operations, loop overhead subtracted, and is
 * printed as "bench NAME N" for tools/bench.sh to collect.  Not a test: the
 * figures are what `make bench` reports.
 */
#include <stdint.h>

#include "guest/lib/console.h"
#include "guest/lib/extable.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"
#include "include/public/mm.h"
#include "include/public/sched.h"

#define ROUNDS 1000

static uint64_t tsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t empty_loop;	/* the cost of one round of nothing */

static void report(const char *name, uint64_t total)
{
	uint64_t each = total / ROUNDS;

	printk("bench %s %llu\n", name, each > empty_loop ? each - empty_loop : 0);
}

static void nothing(void)
{
	__asm__ volatile("" ::: "memory");
}

static void null_hypercall(void)
{
	hc_xen_version(0, 0);
}

static void forced_emulation_cpuid(void)
{
	forced_cpuid(0);
}

static void yield(void)
{
	hc_sched_op(SCHEDOP_yield, 0);
}

static uint8_t page[4096] __attribute__((aligned(4096)));

static void remap_with_invlpg(void)
{
	hc_update_va_mapping((uint32_t)page, pt_read((uint32_t)page), UVMF_INVLPG);
}

/* A read of an address our page tables do not map: the page fault goes
 * through Warden (which finds the guest's tables forbid it) into our
 * handler, which skips the read and returns through the iret hypercall. */
#define UNMAPPED_VA 0xE0000000u

static void bounced_page_fault(void)
{
	uint32_t exinfo = 0, value;

	__asm__ volatile("1: movl (%[va]), %[value]\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo), [value] "=r"(value) : [va] "r"(UNMAPPED_VA)
			 : "memory");
}

static uint64_t measure(void (*op)(void))
{
	uint64_t start = tsc();

	for (unsigned i = 0; i < ROUNDS; i++)
		op();
	return tsc() - start;
}

void test_main(void)
{
	empty_loop = measure(nothing) / ROUNDS;
	report("null_hypercall", measure(null_hypercall));
	report("forced_cpuid", measure(forced_emulation_cpuid));
	report("update_va_mapping_invlpg", measure(remap_with_invlpg));
	report("yield_one_domain", measure(yield));
	report("bounced_page_fault", measure(bounced_page_fault));
}
