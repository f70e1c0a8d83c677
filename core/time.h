/*
 * time.h - Warden's clocks: a periodic tick and a calibrated TSC.
 */
#ifndef CORE_TIME_H
#define CORE_TIME_H

#include <stdint.h>
#include "core/tsc_scale.h"

#define TICK_HZ 100

/* Calibrate the TSC against the PIT, then start the tick. */
void time_init(void);

/* Called on every timer interrupt. */
void time_tick(void);

/* Ticks since time_init. */
static inline uint64_t time_ticks(void)
{
	extern uint64_t time_tick_count;

	return time_tick_count;
}

uint64_t time_now_ns(void);		/* nanoseconds since time_init */
uint32_t time_tsc_khz(void);

/* The TSC reading tsc in ns since time_init, and the scale that does it
 * (with the TSC at time_init as zero: see time_tsc_to_ns). */
uint64_t time_tsc_to_ns(uint64_t tsc);
struct tsc_scale time_tsc_scale(void);

#endif
