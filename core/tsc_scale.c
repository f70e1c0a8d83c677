/*
 * tsc_scale.c - the nanoseconds per tick as a binary fraction.
 *
 * We want ns = ticks * 10^6 / khz.  Dividing 64-bit numbers on every clock
 * read is slow on a 32-bit CPU, so, as Xen does, we precompute a 32-bit
 * fraction mul/2^32 in [0.5, 1) and a power-of-two shift with
 *     10^6 / khz = (mul / 2^32) * 2^shift,
 * and a read is one shift and one 64x32-bit multiply.
 */
#include "core/tsc_scale.h"

#define NS_PER_SEC 1000000000ull

struct tsc_scale tsc_scale_from_khz(uint32_t khz)
{
	uint64_t hz = (uint64_t)khz * 1000;
	struct tsc_scale s = { 0, 0 };

	/* Bring hz into (10^9, 2*10^9] so that 10^9 / hz lies in [0.5, 1). */
	while (hz > 2 * NS_PER_SEC) {
		hz >>= 1;
		s.shift--;
	}
	while (hz <= NS_PER_SEC) {
		hz <<= 1;
		s.shift++;
	}
	s.mul = (uint32_t)((NS_PER_SEC << 32) / hz);
	return s;
}

/* (value * mul) >> 32 for a 64-bit value, without a 128-bit type. */
static uint64_t mul_frac(uint64_t value, uint32_t mul)
{
	uint64_t lo = (value & 0xffffffffu) * mul;
	uint64_t hi = (value >> 32) * mul;

	return hi + (lo >> 32);
}

uint64_t tsc_scale_apply(struct tsc_scale s, uint64_t ticks)
{
	if (s.shift < 0)
		ticks >>= -s.shift;
	else
		ticks <<= s.shift;
	return mul_frac(ticks, s.mul);
}
