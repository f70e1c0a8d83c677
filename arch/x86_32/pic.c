/*
 * pic.c - the 8259 pair, master at 0x20 and slave at 0xa0 (on the
 * master's IRQ 2).  Out of reset they deliver IRQs on vectors 8-15, which
 * are the CPU's exception vectors, so the initialisation sequence
 * (ICW1-ICW4) moves them to 32-47 before anything is unmasked.
 */
#include "arch/x86_32/pic.h"
#include "arch/x86_32/trap_frame.h"
#include "arch/x86_32/x86.h"

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1

#define ICW1_INIT_ICW4	0x11
#define ICW4_8086	0x01
#define OCW2_EOI	0x20
#define OCW3_READ_ISR	0x0b
#define CASCADE_IRQ	2

static uint16_t irq_mask = 0xffff;

static void pic_write_mask(void)
{
	outb(PIC1_DATA, (uint8_t)irq_mask);
	outb(PIC2_DATA, (uint8_t)(irq_mask >> 8));
}

void pic_init(void)
{
	outb(PIC1_CMD, ICW1_INIT_ICW4);
	outb(PIC2_CMD, ICW1_INIT_ICW4);
	outb(PIC1_DATA, TRAP_IRQ_BASE);		/* ICW2: vector base */
	outb(PIC2_DATA, TRAP_IRQ_BASE + 8);
	outb(PIC1_DATA, 1 << CASCADE_IRQ);	/* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, CASCADE_IRQ);
	outb(PIC1_DATA, ICW4_8086);
	outb(PIC2_DATA, ICW4_8086);
	irq_mask = 0xffff & ~(1u << CASCADE_IRQ);
	pic_write_mask();
}

void pic_unmask(unsigned irq)
{
	irq_mask &= (uint16_t)~(1u << irq);
	pic_write_mask();
}

/* An IRQ 7 or 15 whose in-service bit is clear was spurious. */
int pic_irq_is_real(unsigned irq)
{
	uint16_t port = irq < 8 ? PIC1_CMD : PIC2_CMD;

	if ((irq & 7) != 7)
		return 1;
	outb(port, OCW3_READ_ISR);
	if (inb(port) & 0x80)
		return 1;
	if (irq >= 8)
		outb(PIC1_CMD, OCW2_EOI);	/* the master did see IRQ 2 */
	return 0;
}

void pic_end_of_interrupt(unsigned irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}
