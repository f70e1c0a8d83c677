/*
 * panic.h - Warden's own bugs stop Warden; a guest's mistakes never do
 * (those kill only the guest).  A panic prints what happened and where,
 * then powers QEMU off with EXIT_PANIC.
 */
#ifndef CORE_PANIC_H
#define CORE_PANIC_H

#include "arch/x86_32/trap_frame.h"

_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* An exception Warden did not expect, with the registers it interrupted. */
_Noreturn void panic_trap(const struct trap_frame *frame);

/* Entered by the double-fault task (trap_entry.S) on its own stack. */
_Noreturn void double_fault_report(void);

#endif
