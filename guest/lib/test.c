/*
 * test.c - the harness (test.h): run test_main(), report once, end.
 */
#include <stdarg.h>

#include "guest/lib/backend.h"
#include "guest/lib/console.h"
#include "guest/lib/test.h"
#include "include/public/sched.h"
#include "lib/format.h"

struct start_info *start_info;
static char first_failure[160];
static unsigned failures;

static void record(const char *fmt, va_list ap)
{
	char msg[sizeof(first_failure)];

	vsformat(msg, sizeof(msg), fmt, ap);
	printk("failure: %s\n", msg);
	if (failures++ == 0)
		sformat(first_failure, sizeof(first_failure), "%s", msg);
}

void test_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(fmt, ap);
	va_end(ap);
}

_Noreturn void test_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(fmt, ap);
	va_end(ap);
	backend_shutdown(test_report());
}

/* Small numbers (results, counts) in decimal, others (addresses) in hex. */
static const char *number(char *buf, unsigned size, long n)
{
	sformat(buf, size, n > -4096 && n < 4096 ? "%ld" : "0x%lx", n);
	return buf;
}

bool test_eq(const char *what, long got, long want)
{
	char g[16], w[16];

	if (got != want)
		test_fail("%s: got %s, expected %s", what, number(g, sizeof(g), got),
			  number(w, sizeof(w), want));
	return got == want;
}

unsigned test_report(void)
{
	if (failures == 0) {
		printk("Test result: PASS\n");
		return SHUTDOWN_poweroff;
	}
	printk("Test result: FAIL: %s%s\n", first_failure,
	       failures > 1 ? " (and more)" : "");
	return SHUTDOWN_crash;
}

void test_run(void)
{
	test_main();
	backend_shutdown(test_report());
}
