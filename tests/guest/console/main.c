/*
 * console: console_io, the first hypercall every guest makes.
 *
 * Shows: a write returns 0 and its text appears as a line of its own, with
 * control characters made harmless ('?'; the boot test expects the line);
 * an empty write is fine; a buffer Warden cannot read (unmapped, in
 * Warden's area, wrapping past 4 GiB) is -EFAULT; read returns at most
 * what fits; an unknown command is -ENOSYS.
 * Cannot show: that a refused write printed nothing (the boot test's absent
 * line does), what read returns (the serial line's input is not ours to
 * choose), or how lines of several domains interleave.
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"

#define UNMAPPED	((const void *)0x1000)
#define WARDEN_AREA	((const void *)0xF6800000)
#define NEAR_4GIB	((const void *)0xFFFFFFF0)

void test_main(void)
{
	static const char line[] = "console_io: an \x1b[31mescape\x1b[0m and a\ttab\n";
	char buf[16];
	long n;

	test_eq("write", hc_console_io(CONSOLEIO_write, sizeof(line) - 1, line), 0);
	test_eq("empty write", hc_console_io(CONSOLEIO_write, 0, line), 0);
	test_eq("write from an unmapped buffer",
		hc_console_io(CONSOLEIO_write, 16, UNMAPPED), -XEN_EFAULT);
	test_eq("write from Warden's area",
		hc_console_io(CONSOLEIO_write, 16, WARDEN_AREA), -XEN_EFAULT);
	test_eq("write wrapping past 4 GiB",
		hc_console_io(CONSOLEIO_write, 0x20, NEAR_4GIB), -XEN_EFAULT);
	n = hc_console_io(CONSOLEIO_read, sizeof(buf), buf);
	if (n < 0 || n > (long)sizeof(buf))
		test_fail("read: got %ld, expected 0 to %u bytes", n, (unsigned)sizeof(buf));
	test_eq("unknown command", hc_console_io(7, sizeof(line) - 1, line), -XEN_ENOSYS);
}
