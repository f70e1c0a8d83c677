/*
 * time.c - system time from vcpu_time_info (time.h).
 */
#include "guest/lib/time.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/x86.h"

struct vcpu_time_info time_info(void)
{
	volatile struct vcpu_time_info *t = &shared_info()->vcpu_info[0].time;
	struct vcpu_time_info copy;
	uint32_t version;

	do {
		version = t->version;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		copy.version = version;
		copy.tsc_timestamp = t->tsc_timestamp;
		copy.system_time = t->system_time;
		copy.tsc_to_system_mul = t->tsc_to_system_mul;
		copy.tsc_shift = t->tsc_shift;
		copy.flags = t->flags;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
	} while ((version & 1) || version != t->version);
	return copy;
}

/* (value * mul) >> 32 without a 128-bit type: two 32x32 products. */
static uint64_t mul_frac(uint64_t value, uint32_t mul)
{
	uint64_t lo = (value & 0xffffffffu) * mul;
	uint64_t hi = (value >> 32) * mul;

	return hi + (lo >> 32);
}

uint64_t time_tsc_to_ns(const struct vcpu_time_info *t, uint64_t ticks)
{
	if (t->tsc_shift < 0)
		ticks >>= -t->tsc_shift;
	else
		ticks <<= t->tsc_shift;
	return mul_frac(ticks, t->tsc_to_system_mul);
}

uint64_t time_at_tsc(const struct vcpu_time_info *t, uint64_t tsc)
{
	return t->system_time + time_tsc_to_ns(t, tsc - t->tsc_timestamp);
}

uint64_t time_now_ns(void)
{
	struct vcpu_time_info t = time_info();

	return time_at_tsc(&t, rdtsc());
}
