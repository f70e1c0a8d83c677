/*
 * trap.c - where every interrupt and exception arrives in C.
 *
 * trap_entry.S saves the interrupted registers as a struct trap_frame and
 * calls trap_dispatch().  Hardware interrupts go to their handlers.  An
 * exception raised by Warden itself is a bug in Warden: it panics with
 * the full report.  (Exceptions raised by guests are sorted here too once
 * guests run: classify, then act.)
 */
#include "arch/x86_32/pic.h"
#include "arch/x86_32/trap_frame.h"
#include "core/panic.h"
#include "core/time.h"

void trap_dispatch(struct trap_frame *frame);

static void irq_dispatch(unsigned irq)
{
	if (!pic_irq_is_real(irq))
		return;
	if (irq == IRQ_TIMER)
		time_tick();
	pic_end_of_interrupt(irq);
}

void trap_dispatch(struct trap_frame *frame)
{
	uint32_t v = frame->vector;

	if (v >= TRAP_IRQ_BASE && v < TRAP_IRQ_BASE + IRQ_COUNT) {
		irq_dispatch(v - TRAP_IRQ_BASE);
		return;
	}
	panic_trap(frame);
}
