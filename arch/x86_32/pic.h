/*
 * pic.h - the two 8259 interrupt controllers.
 */
#ifndef ARCH_X86_32_PIC_H
#define ARCH_X86_32_PIC_H

#define IRQ_TIMER	0
#define IRQ_COM1	4
#define IRQ_COUNT	16

/* Move IRQ 0-15 to vectors 32-47 (away from the CPU's exceptions) and
 * mask them all. */
void pic_init(void);
void pic_unmask(unsigned irq);

/* Whether irq is real; a spurious IRQ 7 or 15 must not be acknowledged. */
int pic_irq_is_real(unsigned irq);
void pic_end_of_interrupt(unsigned irq);

#endif
