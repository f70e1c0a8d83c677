/*
 * test.c - the harness (test.h): start, run test_main(), report once, end.
 */
#include <stdarg.h>

#include "guest/lib/console.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/test.h"
#include "guest/lib/traps.h"
#include "guest/lib/user.h"
#include "lib/format.h"

void guest_start(struct start_info *si);	/* head.S */

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

_Noreturn static void end(unsigned reason)
{
	hc_shutdown(reason);
	for (;;)	/* shutdown does not return; if it did, hang visibly */
		hc_sched_op(SCHEDOP_yield, 0);
}

_Noreturn void test_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(fmt, ap);
	va_end(ap);
	end(test_report());
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

void guest_start(struct start_info *si)
{
	start_info = si;
	trap_init();
	user_init();
	test_main();
	end(test_report());
}
