/*
 * timer.c - native time: the PIT interrupts BACKEND_HZ times a second, and
 * each interrupt is a tick (the time part of backend.h).
 *
 * The two 8259 PICs are moved to vectors 32-47, clear of the exceptions,
 * with every line masked but IRQ 0, the PIT's.  The PIT's channel 0 runs
 * as a rate generator at 1193182 Hz / divisor.  Interrupts arrive only
 * when they are on -- in ring 3 and in backend_idle() -- since the kernel
 * runs with them off (descriptors.c); so reading the tick count in the
 * kernel needs no lock.
 */
#include "guest/lib/backend.h"
#include "guest/lib/native/cpu.h"
#include "guest/lib/native/init.h"
#include "guest/lib/traps.h"

#define PIC1		0x20	/* command; data at +1 */
#define PIC2		0xa0
#define PIC_EOI		0x20
#define ICW1_INIT	0x11	/* edge-triggered, cascaded, ICW4 follows */
#define ICW4_8086	0x01
#define IRQ_BASE	32

#define PIT_CH0		0x40
#define PIT_CMD		0x43
#define PIT_RATE_GEN	0x34	/* channel 0, low then high byte, mode 2 */
#define PIT_HZ		1193182u

static volatile uint64_t ticks;

static void tick(struct cpu_regs *regs)
{
	(void)regs;
	ticks++;
	outb(PIC1, PIC_EOI);
}

static void pic_init(void)
{
	outb(PIC1, ICW1_INIT);
	outb(PIC2, ICW1_INIT);
	outb(PIC1 + 1, IRQ_BASE);
	outb(PIC2 + 1, IRQ_BASE + 8);
	outb(PIC1 + 1, 1 << 2);		/* the slave is on IRQ 2 */
	outb(PIC2 + 1, 2);		/* ... and is told so */
	outb(PIC1 + 1, ICW4_8086);
	outb(PIC2 + 1, ICW4_8086);
	outb(PIC1 + 1, 0xfe);		/* IRQ 0 only */
	outb(PIC2 + 1, 0xff);
}

void timer_init(void)
{
	uint32_t divisor = (PIT_HZ + BACKEND_HZ / 2) / BACKEND_HZ;

	trap_set_hook(IRQ_BASE, tick);
	trap_register(IRQ_BASE, 0);
	pic_init();
	outb(PIT_CMD, PIT_RATE_GEN);
	outb(PIT_CH0, (uint8_t)divisor);
	outb(PIT_CH0, (uint8_t)(divisor >> 8));
}

uint64_t backend_ticks(void)
{
	return ticks;
}

void backend_idle(uint64_t until)
{
	if (ticks < until)
		sti_hlt_cli();
}
