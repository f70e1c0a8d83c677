/*
 * watch_step.h - the fallback for writes the emulator cannot perform.
 */
#ifndef CORE_WATCH_STEP_H
#define CORE_WATCH_STEP_H

#include <stdbool.h>
#include <stdint.h>
#include "core/domain.h"

/* Let v run the instruction at its EIP on its own, with the page of va
 * writable (access WATCH_WRITE) or executable (WATCH_EXEC) for that one
 * instruction.  False if that cannot be arranged. */
bool watch_step_begin(struct vcpu *v, uint32_t va, uint8_t access);

/* A trap came from v: if it was stepping, the step is over (a #DB, or a
 * fault instead).  True if the trap was the step's own #DB and needs
 * nothing more. */
bool watch_step_trap(struct vcpu *v, uint32_t vector);

#endif
