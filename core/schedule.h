/*
 * schedule.h - which vCPU runs next.
 */
#ifndef CORE_SCHEDULE_H
#define CORE_SCHEDULE_H

#include "core/domain.h"

/* Run the current vCPU again if its domain is alive; else end that domain
 * and run the next; with none left, power off. */
_Noreturn void schedule(void);

/* Remember the free frames before any domain is built, to check at the
 * end that every one came back. */
void schedule_note_free_frames(void);

#endif
