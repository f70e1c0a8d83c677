/*
 * console.c - printk: format into a buffer, then write it to the serial
 * port, turning "\n" into "\r\n" so that every terminal shows lines.
 * A message longer than the buffer is cut and ends in "...".
 */
#include "core/console.h"
#include "arch/x86_32/serial.h"
#include "lib/format.h"

#define PRINTK_MAX 512

static void console_write(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

void vprintk(const char *fmt, va_list ap)
{
	char buf[PRINTK_MAX];
	int len = vsformat(buf, sizeof(buf), fmt, ap);

	console_write(buf);
	if (len >= PRINTK_MAX)
		console_write("...\n");
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
