/*
 * monitor.h - the privileged monitor domain.
 */
#ifndef CORE_MONITOR_H
#define CORE_MONITOR_H

#include <stdbool.h>
#include <stdint.h>
#include "core/domain.h"

/* After the domains are built: if one is the monitor, hold every other
 * one until the monitor says it is ready. */
void monitor_hold_guests(void);

/* The monitor, if there is one alive. */
struct domain *monitor_domain(void);

long hc_warden_monitor_op(struct vcpu *v, const uint32_t *arg);

#endif
