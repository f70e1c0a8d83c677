/*
 * serial.c - the native console: COM1, written by polling.
 *
 * The first 16550 UART at I/O port 0x3f8, 115200 baud, 8 data bits, no
 * parity, one stop bit, no interrupts.  Each byte waits until the
 * transmitter holding register is empty (line status bit 5); QEMU's is
 * always empty, a real UART's is not.  Lines end in '\n' alone, as on
 * Warden's console, so the two logs compare line for line.
 */
#include "guest/lib/backend.h"
#include "guest/lib/native/cpu.h"
#include "guest/lib/native/init.h"

#define COM1		0x3f8
#define DATA		0	/* with DLAB: divisor, low byte */
#define IER		1	/* with DLAB: divisor, high byte */
#define FCR		2
#define LCR		3
#define LSR		5
#define LCR_DLAB	0x80
#define LCR_8N1		0x03
#define FCR_ENABLE	0xc7	/* FIFOs on and cleared, 14-byte threshold */
#define LSR_THRE	0x20

void serial_init(void)
{
	outb(COM1 + IER, 0);
	outb(COM1 + LCR, LCR_DLAB);
	outb(COM1 + DATA, 1);	/* divisor 1: 115200 baud */
	outb(COM1 + IER, 0);
	outb(COM1 + LCR, LCR_8N1);
	outb(COM1 + FCR, FCR_ENABLE);
}

void backend_console_write(const char *s, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++) {
		while (!(inb(COM1 + LSR) & LSR_THRE))
			;
		outb(COM1 + DATA, (uint8_t)s[i]);
	}
}
