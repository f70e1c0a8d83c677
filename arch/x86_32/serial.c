/*
 * serial.c - a driver for the 16550 UART on COM1.
 *
 * Warden writes its console by polling: wait until the transmit holding
 * register is empty, then write one byte.  It is slow but needs no
 * interrupts, so it works from the first instruction of warden_main() to
 * the last line of a panic.  Input (for the domain with focus) comes by
 * IRQ 4, once serial_enable_receive_irq() has been called.  115200 baud, 8 data bits, no parity, 1 stop.
 */
#include "arch/x86_32/serial.h"
#include "arch/x86_32/x86.h"

#define COM1		0x3f8
#define UART_DATA	0	/* DLAB=0: transmit/receive */
#define UART_IER	1	/* DLAB=0: interrupt enable */
#define UART_DLL	0	/* DLAB=1: divisor latch, low byte */
#define UART_DLM	1	/* DLAB=1: divisor latch, high byte */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE_CLEAR 0x07	/* enable FIFOs and clear both */
#define MCR_DTR_RTS	0x03
#define LSR_THR_EMPTY	0x20
#define LSR_DATA_READY	0x01
#define IER_RECEIVED	0x01
#define MCR_OUT2	0x08	/* gates the UART's interrupt onto the bus */

#define BAUD_DIVISOR	1	/* 115200 / 1 */

void serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DLL, BAUD_DIVISOR);
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, FCR_ENABLE_CLEAR);
	outb(COM1 + UART_MCR, MCR_DTR_RTS);
}

void serial_enable_receive_irq(void)
{
	outb(COM1 + UART_MCR, MCR_DTR_RTS | MCR_OUT2);
	outb(COM1 + UART_IER, IER_RECEIVED);
}

int serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & LSR_DATA_READY))
		return -1;
	return inb(COM1 + UART_DATA);
}

void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1 + UART_DATA, (uint8_t)c);
}
