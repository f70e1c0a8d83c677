/*
 * com2.c - a polled 16550 driver for COM2 (com2.h).
 *
 * Port access from ring 1 is Warden's to grant, so each in and out goes
 * through the exception table: if Warden refuses one (#GP), the stream is
 * switched off with one console line, instead of the monitor dying.  If
 * only the status register cannot be read, bytes go out without waiting:
 * QEMU's UART never makes a sender wait anyway.
 */
#include "guest/monitor/com2.h"
#include "guest/lib/console.h"
#include "guest/lib/extable.h"

#define COM2		0x2f8
#define UART_THR	0	/* transmit holding register (DLAB 0) */
#define UART_DLL	0	/* divisor, low byte (DLAB 1) */
#define UART_IER	1	/* interrupt enable (DLAB 0) */
#define UART_DLM	1	/* divisor, high byte (DLAB 1) */
#define UART_FCR	2	/* FIFO control */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
#define FCR_ENABLE_CLEAR 0x07	/* FIFOs on, both cleared */
#define MCR_DTR_RTS	0x03
#define LSR_THRE	0x20	/* the transmitter can take a byte */
#define DIVISOR_115200	1
#define POLL_LIMIT	100000	/* a UART that never has room is broken */

static bool usable, can_poll;

/* out or in at COM2 + reg; false if Warden refused it. */
static bool port_out(unsigned reg, uint8_t value)
{
	uint32_t exinfo;

	__asm__ volatile("1: outb %%al, %%dx\n\txorl %%eax, %%eax\n2:\n" EXTABLE(1b, 2b)
			 : "=a"(exinfo) : "a"((uint32_t)value), "d"(COM2 + reg) : "memory");
	return exinfo == 0;
}

static bool port_in(unsigned reg, uint8_t *value)
{
	uint32_t exinfo, v = 0;

	__asm__ volatile("1: inb %%dx, %%al\n\tmovzbl %%al, %[v]\n\txorl %%eax, %%eax\n2:\n"
			 EXTABLE(1b, 2b)
			 : "=a"(exinfo), [v] "+c"(v) : "d"(COM2 + reg) : "memory");
	*value = (uint8_t)v;
	return exinfo == 0;
}

bool com2_init(void)
{
	uint8_t lsr;

	usable = port_out(UART_IER, 0) && port_out(UART_LCR, LCR_DLAB) &&
		 port_out(UART_DLL, DIVISOR_115200) && port_out(UART_DLM, 0) &&
		 port_out(UART_LCR, LCR_8N1) && port_out(UART_FCR, FCR_ENABLE_CLEAR) &&
		 port_out(UART_MCR, MCR_DTR_RTS);
	if (!usable) {
		printk("monitor: COM2 is not ours (Warden refused a port write): no event stream\n");
		return false;
	}
	can_poll = port_in(UART_LSR, &lsr);
	if (!can_poll)
		printk("monitor: COM2's line status cannot be read: sending without waiting\n");
	return true;
}

/* Wait until the UART can take a byte (at most POLL_LIMIT reads). */
static void wait_for_room(void)
{
	uint8_t lsr = 0;

	for (unsigned i = 0; can_poll && i < POLL_LIMIT; i++)
		if (!port_in(UART_LSR, &lsr) || (lsr & LSR_THRE))
			return;
}

void com2_write(const char *s, uint32_t len)
{
	for (uint32_t i = 0; usable && i < len; i++) {
		wait_for_room();
		usable = port_out(UART_THR, (uint8_t)s[i]);
		if (!usable)
			printk("monitor: Warden refused a write to COM2: the event stream stops\n");
	}
}
