/*
 * trap.c - interrupts and exceptions that arrive while Warden itself runs.
 *
 * trap_entry.S calls trap_dispatch() for traps from ring 0 in Warden's own
 * address space.  Hardware interrupts are handled; any exception is a bug
 * in Warden, and it panics with the full report.  (Traps from guests go to
 * guest_trap() in core/guest_trap.c.)
 */
#include "arch/x86_32/trap_frame.h"
#include "core/irq.h"
#include "core/panic.h"

void trap_dispatch(struct trap_frame *frame);

void trap_dispatch(struct trap_frame *frame)
{
	if (!irq_handle(frame->vector))
		panic_trap(frame);
}
