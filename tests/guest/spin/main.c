/*
 * spin: a domain that only computes.  It spins for 300 ms of its own CPU
 * time, never calling Warden meanwhile, and then says whether other
 * domains ran in between (guest/lib/spin.h: a jump in system time).
 *
 * Shows, with other domains beside it (tests/boot/preempt-*): that the
 * timer took the CPU away from it and gave it back -- preemption -- and how
 * often.  Its verdict line is for the boot test to judge; the guest itself
 * passes either way.
 * Cannot show: who ran in the gaps, nor preemption when it runs alone.
 */
#include "guest/lib/console.h"
#include "guest/lib/spin.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"

#define SPIN_NS		(300 * NS_PER_MS)

void test_main(void)
{
	struct spin_result r = spin_for(SPIN_NS, 0, 0);

	printk("spun for %u ms of its own CPU time; others ran %u times, %u ms in all, %u ms at most\n",
	       (unsigned)(SPIN_NS / NS_PER_MS), r.gaps, (unsigned)(r.gap_ns / NS_PER_MS),
	       (unsigned)(r.longest_gap_ns / NS_PER_MS));
	printk(r.gaps ? "others ran while it spun\n" : "nobody else ran while it spun\n");
}
