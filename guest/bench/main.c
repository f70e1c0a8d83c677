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
#include "guest/lib/backend.h"
#include "lib/cmdline.h"
#include "guest/lib/console.h"
#include "guest/lib/time.h"
#include "guest/lib/watch_calls.h"
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

/*
 * With a monitor that allows everything: a write into a watched word is a
 * whole watch event (the fault, the dry run, the request on the ring, the
 * monitor's run and answer, the emulated write, the way back); a write to
 * the next word on the same page is a near miss, which never reaches the
 * monitor.  With "wall", events per second of real time, not instructions.
 */
static volatile uint32_t watched[1024] __attribute__((aligned(4096)));
static uint32_t counter;

__measured void watched_write(void)
{
	watched[0] = ++counter;
}

__measured void near_miss(void)
{
	watched[8] = ++counter;
}

#define WALL_EVENTS 20000

static void watch_rows(bool wall)
{
	uint64_t start;

	if (watch_call_add_self(&watched[0], 4) <= 0)
		test_fatal("cannot watch a word of our own");
	if (!wall) {
		report("watch_round_trip", watched_write);
		report("watch_near_miss", near_miss);
		return;
	}
	start = time_now_ns();
	for (unsigned i = 0; i < WALL_EVENTS; i++)
		watched_write();
	printk("bench watch_events_per_second %llu\n",
	       (unsigned long long)WALL_EVENTS * 1000000000ull / (time_now_ns() - start + 1));
}

void test_main(void)
{
	const char *cmdline = backend_cmdline();

	if (cmdline_has(cmdline, "watch")) {
		watch_rows(cmdline_has(cmdline, "wall"));
		return;
	}
	report("null_hypercall", null_hypercall);
	report("forced_cpuid", forced_emulation_cpuid);
	report("update_va_mapping_invlpg", remap_with_invlpg);
	report("yield_one_domain", yield);
}
