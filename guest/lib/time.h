/*
 * time.h - system time, read as Xen guests read it.
 *
 * Warden publishes in our vcpu_info a TSC reading (tsc_timestamp), the
 * system time at that reading (ns since Warden started) and the scale from
 * TSC ticks to ns (tsc_to_system_mul, tsc_shift); it does so every time
 * it enters us.  We take our own rdtsc and extrapolate, without a
 * hypercall.  Warden makes version odd while it writes, so a read that
 * saw an odd version, or a version that changed under it, is retried.
 */
#ifndef GUEST_LIB_TIME_H
#define GUEST_LIB_TIME_H

#include <stdint.h>

#include "include/public/shared_info.h"

#define NS_PER_MS	1000000ull

/* System time now, in ns. */
uint64_t time_now_ns(void);

/* One consistent copy of our vcpu_time_info. */
struct vcpu_time_info time_info(void);

/* ticks of the TSC in ns, by t's scale. */
uint64_t time_tsc_to_ns(const struct vcpu_time_info *t, uint64_t ticks);

/* System time at TSC value tsc (not before t->tsc_timestamp), by the copy
 * t: shared_info.h's formula. */
uint64_t time_at_tsc(const struct vcpu_time_info *t, uint64_t tsc);

#endif
