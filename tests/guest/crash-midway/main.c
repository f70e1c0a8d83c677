/*
 * crash-midway: a domain that Warden crashes while another one runs.  It
 * spins for 100 ms of its own CPU time, so that the others get their
 * turns, then forgets its exception handlers and executes ud2.
 *
 * Shows, beside another domain (tests/boot/crash-while-running): that the
 * crash -- "no handler for exception 6" -- ends only this domain, in the
 * middle of the other's run, and the other still finishes.
 * Cannot show: anything once it has crashed; its own result line never
 * comes (it ends before the harness reports).
 */
#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/spin.h"
#include "guest/lib/test.h"
#include "guest/lib/time.h"

#define SPIN_NS		(100 * NS_PER_MS)

void test_main(void)
{
	struct spin_result r = spin_for(SPIN_NS, 0, 0);

	printk(r.gaps ? "others ran while it spun; now ud2 without a handler\n" :
	       "nobody else ran while it spun; now ud2 without a handler\n");
	hc_set_trap_table(0);
	__asm__ volatile("ud2");
	test_fail("ud2 without a handler returned");
}
