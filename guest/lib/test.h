/*
 * test.h - the harness every guest runs on, after XTF.
 *
 * The backend's entry (guest_start() on Warden, native_start() on a bare
 * CPU; backend.h) sets up traps and ring 3 and calls test_run(), which
 * runs the guest's test_main(), and then prints exactly one result line,
 * as XTF does:
 *
 *	Test result: PASS
 *	Test result: FAIL: <the first failure>
 *
 * and shuts the domain down with poweroff after a pass, SHUTDOWN_crash
 * after a failure.  test_fail() records a failure and lets the test go on
 * (each failure gets a line of its own as it happens); test_fatal() ends
 * the test at once, and is also what an unexpected exception does.
 */
#ifndef GUEST_LIB_TEST_H
#define GUEST_LIB_TEST_H

#include <stdbool.h>

#include "include/public/start_info.h"

/* What the domain builder handed us (ESI at entry); NULL natively. */
extern struct start_info *start_info;

/* Each guest defines this. */
void test_main(void);

/* test_main(), the result line, and the shutdown that goes with it. */
_Noreturn void test_run(void);

void test_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void test_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Fail unless got == want (a hypercall's result, say); true if equal. */
bool test_eq(const char *what, long got, long want);

/* Print the result line; the shutdown reason that goes with it. */
unsigned test_report(void);

#endif
