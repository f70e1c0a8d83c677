/*
 * console.c - printk for guests: format with Warden's own formatter
 * (lib/format.c, linked into every guest), then one console write
 * (console_io on Warden, the serial port natively: backend.h).
 */
#include "guest/lib/console.h"
#include "guest/lib/backend.h"
#include "lib/format.h"

void vprintk(const char *fmt, va_list ap)
{
	char buf[256];
	int n = vsformat(buf, sizeof(buf), fmt, ap);

	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;	/* cut, as vsformat did */
	if (n > 0)
		backend_console_write(buf, (uint32_t)n);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
