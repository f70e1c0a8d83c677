/*
 * vtimer.h - time as guests see it.
 */
#ifndef CORE_VTIMER_H
#define CORE_VTIMER_H

#include <stdint.h>
#include "core/domain.h"
#include "core/time.h"

/* On every tick: VIRQ_TIMER for every live vCPU (the periodic tick, which
 * also serves every one-shot deadline); poll timeouts expire. */
void vtimer_tick(void);

void vtimer_publish_now(struct vcpu *v);

/* Write the clock into v's vcpu_time_info (Xen's versioned protocol).
 * Between ticks the published values stay good (the guest extrapolates
 * with rdtsc), so a vCPU gets them again only on its first entry after a
 * tick: the check is inline, on every way into a guest. */
static inline void vtimer_publish(struct vcpu *v)
{
	if (v->time_published_tick != time_ticks() + 1)
		vtimer_publish_now(v);
}

/* set_timer_op(deadline low, high): a VIRQ_TIMER at that system time in
 * ns, from the next tick; a deadline already past fires at once. */
long hc_set_timer_op(struct vcpu *v, const uint32_t *arg);

#endif
