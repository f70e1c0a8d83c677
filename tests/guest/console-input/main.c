/*
 * console-input: reads what is typed for this domain, up to the first
 * newline that ends a non-empty line, and prints it back with control
 * bytes as \xNN.  (Empty lines are skipped: the boot test starts its
 * input with a newline that the UART may or may not drop, see
 * tests/boot/README.md.)
 *
 * Shows, under tests/boot/console-input (which types on QEMU's serial
 * port): VIRQ_CONSOLE can be bound; CONSOLEIO_read returns the bytes
 * typed while this domain had the focus, in order, and 0 when none wait
 * or none are asked for; sched_op block wakes when more arrive; fewer than
 * three Ctrl-A in a row reach the domain as bytes.
 * Cannot show: when the bytes arrived (before or after we bound the VIRQ:
 * QEMU decides), so VIRQ_CONSOLE's count is not checked.
 */
#include "guest/lib/console.h"
#include "guest/lib/events.h"
#include "guest/lib/evtchn.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "lib/format.h"

#define LINE_MAX	64

static char line[LINE_MAX];
static unsigned len;

/* Take the bytes waiting (one read); true once a line has ended. */
static bool read_some(void)
{
	char buf[LINE_MAX];
	long n = hc_console_read(buf, sizeof(buf));

	if (n < 0)
		test_fatal("CONSOLEIO_read: %ld", n);
	for (long i = 0; i < n; i++) {
		if (buf[i] == '\n' && len > 0)
			return true;		/* the rest is for a later line */
		if (buf[i] == '\n')
			continue;
		if (len == LINE_MAX)
			test_fatal("no newline in %u bytes", len);
		line[len++] = buf[i];
	}
	return false;
}

/* line[0..len) with every byte outside ' '..'~' as \xNN. */
static void print_line(void)
{
	char out[LINE_MAX * 4 + 1];
	unsigned o = 0;

	for (unsigned i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c >= ' ' && c <= '~' && c != '\\')
			out[o++] = (char)c;
		else
			o += (unsigned)sformat(out + o, sizeof(out) - o, "\\x%02x", c);
	}
	out[o] = '\0';
	printk("read \"%s\"\n", out);
}

void test_main(void)
{
	char none[1];
	long port;

	events_init();
	port = evtchn_bind_virq(VIRQ_CONSOLE);
	if (port <= 0)
		test_fatal("bind_virq VIRQ_CONSOLE: %ld", port);
	test_eq("read 0 bytes", hc_console_read(none, 0), 0);
	events_on();
	while (!read_some())
		events_block();
	print_line();
}
