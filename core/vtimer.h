/*
 * vtimer.h - time as guests see it.
 */
#ifndef CORE_VTIMER_H
#define CORE_VTIMER_H

#include <stdint.h>
#include "core/domain.h"

/* On every tick: VIRQ_TIMER for every live vCPU (the periodic tick), and
 * for each whose one-shot deadline has passed; poll timeouts expire. */
void vtimer_tick(void);

/* Write the clock into v's vcpu_time_info (Xen's versioned protocol). */
void vtimer_publish(struct vcpu *v);

/* set_timer_op(deadline low, high): a one-shot VIRQ_TIMER at that system
 * time in ns; 0 cancels it; a deadline already past fires at once. */
long hc_set_timer_op(struct vcpu *v, const uint32_t *arg);

#endif
