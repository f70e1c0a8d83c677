/*
 * measure.h - how a benchmark figure is taken, for every guest that
 * prints them (guest/bench/, and the test kernel's bench mode:
 * guest/kernel/bench.h).
 *
 * Under QEMU's -icount shift=0,sleep=off the TSC counts executed
 * instructions -- Warden's too, and the same in every run -- so a figure
 * is in instructions.  Without -icount it is cycles of an emulator and
 * means little, but it is printed all the same.
 *
 * A figure for a short operation is per call: BENCH_ROUNDS calls of a
 * function doing it, less BENCH_ROUNDS calls of one doing nothing, so the
 * loop and the call are left out.  Both functions must be noinline and of
 * the caller's ring (__user_fn in ring 3), so that each round is a real
 * call in both loops.  These helpers are always inlined, so they run in
 * whichever ring their caller does.  Only the TSC's low half is read: so
 * ring 3 needs no 64-bit arithmetic (libgcc's is kernel code), and no one
 * measurement may pass 2^32 instructions.
 */
#ifndef GUEST_BENCH_MEASURE_H
#define GUEST_BENCH_MEASURE_H

#include <stdint.h>

#define BENCH_ROUNDS	1000
#define __bench_inline	static inline __attribute__((always_inline))

/* The TSC's low half: instructions, under -icount. */
__bench_inline uint32_t bench_tsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	(void)hi;
	return lo;
}

/* Keep v alive: a result nothing reads is computed all the same. */
__bench_inline void bench_keep(uint32_t v)
{
	__asm__ volatile("" : : "r"(v));
}

__bench_inline uint32_t bench_time(void (*op)(void))
{
	uint32_t start = bench_tsc();

	for (uint32_t i = 0; i < BENCH_ROUNDS; i++)
		op();
	return bench_tsc() - start;
}

/* What one call of op costs beyond one of nothing (0 if not more). */
__bench_inline uint32_t bench_per_call(void (*op)(void), void (*nothing)(void))
{
	uint32_t with = bench_time(op), without = bench_time(nothing);

	return with > without ? (with - without) / BENCH_ROUNDS : 0;
}

#endif
