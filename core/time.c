/*
 * time.c - Warden's sense of time.
 *
 * Two clocks, for two jobs.  The tick (PIT channel 0, TICK_HZ a second) is
 * what preempts guests: the scheduler runs from it.  The TSC clock is
 * what measures: it counts CPU cycles, so once we know the TSC's frequency
 * (measured against the PIT's known clock at boot) any two rdtsc readings
 * give a duration in nanoseconds.  Under QEMU with -icount the TSC counts
 * executed instructions, which makes both clocks repeatable to the tick.
 */
#include "core/time.h"
#include "arch/x86_32/pic.h"
#include "arch/x86_32/pit.h"
#include "arch/x86_32/x86.h"
#include "core/panic.h"

#define CALIBRATION_PIT_TICKS 11932	/* 10 ms of the PIT's clock */
#define CALIBRATION_SAMPLES 5

uint64_t time_tick_count;
static uint64_t tsc_at_start;
static uint32_t tsc_khz;
static struct tsc_scale tsc_to_ns;

/*
 * Several samples, and the smallest wins: under an emulator the host can
 * stall between the PIT's start and our last rdtsc, and a stall only ever
 * makes a sample longer.
 */
static uint32_t calibrate_tsc_khz(void)
{
	uint64_t tsc = pit_measure_tsc(CALIBRATION_PIT_TICKS), khz;

	for (unsigned i = 1; i < CALIBRATION_SAMPLES; i++) {
		uint64_t sample = pit_measure_tsc(CALIBRATION_PIT_TICKS);

		if (sample < tsc)
			tsc = sample;
	}
	khz = tsc * PIT_HZ / CALIBRATION_PIT_TICKS / 1000;

	if (khz == 0 || khz > 0xffffffffu)
		panic("TSC calibration failed: %llu TSC ticks in 10 ms", tsc);
	return (uint32_t)khz;
}

void time_init(void)
{
	tsc_khz = calibrate_tsc_khz();
	tsc_to_ns = tsc_scale_from_khz(tsc_khz);
	tsc_at_start = rdtsc();
	pit_start_periodic(TICK_HZ);
	pic_unmask(IRQ_TIMER);
}

void time_tick(void)
{
	time_tick_count++;
}

uint64_t time_tsc_to_ns(uint64_t tsc)
{
	return tsc_scale_apply(tsc_to_ns, tsc - tsc_at_start);
}

uint64_t time_now_ns(void)
{
	return time_tsc_to_ns(rdtsc());
}

struct tsc_scale time_tsc_scale(void)
{
	return tsc_to_ns;
}

uint32_t time_tsc_khz(void)
{
	return tsc_khz;
}
