/*
 * tsc_scale.h - turning TSC ticks into nanoseconds without dividing.
 *
 * The same representation as Xen's vcpu_time_info (tsc_to_system_mul and
 * tsc_shift), so guests can later be handed these two numbers as they are:
 *     ns = ((ticks shifted left by shift, or right if negative) * mul) >> 32
 */
#ifndef CORE_TSC_SCALE_H
#define CORE_TSC_SCALE_H

#include <stdint.h>

struct tsc_scale {
	uint32_t mul;		/* a fraction: mul / 2^32 */
	int8_t shift;
};

/* The scale for a TSC running at khz kilohertz (khz > 0). */
struct tsc_scale tsc_scale_from_khz(uint32_t khz);

/* ticks in nanoseconds. */
uint64_t tsc_scale_apply(struct tsc_scale scale, uint64_t ticks);

#endif
