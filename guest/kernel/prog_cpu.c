/*
 * prog_cpu.c - cpu: a CPU-bound loop (xorshift32) that touches no memory
 * but its registers and makes no system call until it exits with its
 * result.  On Warden it should run as fast as natively: nothing in it
 * traps.  The benchmark times the same loop (prog_bench.c).
 */
#include "guest/kernel/ulib.h"

#define ROUNDS	4000000u

__user_fn uint32_t cpu_work(uint32_t seed, uint32_t rounds)
{
	uint32_t x = 2463534242u ^ seed, sum = 0;

	for (uint32_t i = 0; i < rounds; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		sum += x;
	}
	return x ^ sum;
}

__user_fn int32_t cpu_main(uint32_t arg)
{
	return (int32_t)cpu_work(arg, ROUNDS);
}
