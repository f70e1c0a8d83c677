/*
 * schedule.h - which vCPU runs next.
 */
#ifndef CORE_SCHEDULE_H
#define CORE_SCHEDULE_H

#include "core/domain.h"

/* Run the current vCPU again, or the next one (see schedule.c); with no
 * domain left, power off. */
_Noreturn void schedule(void);

/* On every timer tick: guests' timers, and the time slice. */
void schedule_tick(void);

/* The running vCPU gives up the rest of its slice. */
void schedule_yield(void);

/* v became runnable (an event woke it). */
void schedule_woken(const struct vcpu *v);

/* Remember the free frames before any domain is built, to check at the
 * end that every one came back. */
void schedule_note_free_frames(void);

#endif
