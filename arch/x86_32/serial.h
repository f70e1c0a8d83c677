/*
 * serial.h - the 16550 UART on COM1, Warden's console.
 */
#ifndef ARCH_X86_32_SERIAL_H
#define ARCH_X86_32_SERIAL_H

void serial_init(void);
void serial_putc(char c);

/* Raise IRQ 4 when a byte arrives. */
void serial_enable_receive_irq(void);

/* The next received byte, or -1 if none is waiting. */
int serial_getc(void);

#endif
