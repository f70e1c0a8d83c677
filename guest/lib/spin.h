/*
 * spin.h - using the CPU without ever calling Warden, and noticing when
 * somebody else had it.
 *
 * A spinning guest makes no hypercall, so only the timer interrupt takes
 * the CPU away from it.  It reads system time (time.h) in a loop; two
 * reads in a row are microseconds apart, unless Warden ran another domain
 * in between -- then system time jumps by that domain's time slice.  Such
 * a jump is a gap.  Time not in gaps is our own CPU time, and that is what
 * spin_for() runs for, so a spinning guest does the same work however many
 * others share the CPU.
 */
#ifndef GUEST_LIB_SPIN_H
#define GUEST_LIB_SPIN_H

#include <stdint.h>

/* A jump in system time longer than this is somebody else's turn (a
 * tick's own work in Warden takes far less; a slice is 10-20 ms). */
#define SPIN_GAP_NS	(5 * 1000000ull)

struct spin_result {
	uint32_t gaps;			/* how often another domain ran */
	uint64_t gap_ns;		/* for how long, in all */
	uint64_t longest_gap_ns;
};

/* Spin for own_ns of our own CPU time; check(arg) is called between time
 * reads, if not NULL (it must not make hypercalls to stay a spinner). */
struct spin_result spin_for(uint64_t own_ns, void (*check)(void *arg), void *arg);

#endif
