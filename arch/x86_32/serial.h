/*
 * serial.h - the 16550 UART on COM1, Warden's console.
 */
#ifndef ARCH_X86_32_SERIAL_H
#define ARCH_X86_32_SERIAL_H

void serial_init(void);
void serial_putc(char c);

#endif
