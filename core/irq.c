/*
 * irq.c - the PIC's interrupts arrive on vectors 32-47 (pic.c), whoever
 * runs: a guest (then guest_trap() calls us) or Warden's idle loop.  The
 * timer drives the clock, guests' timers and preemption; a spurious IRQ 7
 * or 15 is dropped without an EOI.
 */
#include "core/irq.h"
#include "arch/x86_32/pic.h"
#include "arch/x86_32/trap_frame.h"
#include "core/console_input.h"
#include "core/schedule.h"
#include "core/time.h"

bool irq_handle(uint32_t vector)
{
	unsigned irq = vector - TRAP_IRQ_BASE;

	if (vector < TRAP_IRQ_BASE || irq >= IRQ_COUNT)
		return false;
	if (!pic_irq_is_real(irq))
		return true;
	if (irq == IRQ_TIMER) {
		time_tick();
		schedule_tick();
	}
	if (irq == IRQ_COM1)
		console_input_irq();
	pic_end_of_interrupt(irq);
	return true;
}
